package org.fairrecruit.registry.portal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.fairrecruit.registry.matching.EntityType;
import org.fairrecruit.registry.matching.Verdict;
import org.fairrecruit.registry.kernel.MessageKey;
import org.fairrecruit.registry.web.Languages;
import org.fairrecruit.registry.kernel.Paging;
import org.fairrecruit.registry.kernel.RegistryException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** The public JSON API: read-only, no authentication, rate-limited per client. */
@Controller("/api/v1/public")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Public")
class PublicApi {
    private final PortalSearch search;
    private final PortalQueries queries;
    private final AgencyProfiles profiles;
    private final Clock clock;
    private final MessageSource messages;
    private final Languages languages;

    PublicApi(PortalSearch search, PortalQueries queries, AgencyProfiles profiles, Clock clock, MessageSource messages,
              Languages languages) {
        this.search = search;
        this.queries = queries;
        this.profiles = profiles;
        this.clock = clock;
        this.messages = messages;
        this.languages = languages;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SearchResponse(String query, List<SearchResult> results) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SearchResult(String id, EntityType type, String name, String matchedName, double score, Verdict verdict,
                        @Nullable String licenceNumber, @Nullable String licenceStatus, @Nullable LocalDate validUntil,
                        boolean blacklisted, String url) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record LicenceResponse(String licenceNumber, String status, @Nullable LocalDate validFrom, @Nullable LocalDate validUntil,
                           @Nullable String conditions, Standing standing, AgencyRef agency) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AgencyRef(long id, String legalName, String url) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record BlacklistResponse(String query, int page, int size, List<AgencyProfile.Listing> results) {
    }

    @Get("/search")
    @Operation(summary = "Search agencies, licence numbers and listed persons by name, tolerant of spelling and script")
    SearchResponse search(@QueryValue String q, @Nullable @QueryValue String type,
                          @Nullable @QueryValue @Min(1) @Max(100) Integer limit) {
        PortalSearch.Outcome outcome = search.search(PortalPages.truncate(q), PortalPages.parseType(type),
                limit == null ? 20 : limit);
        return new SearchResponse(outcome.query(), outcome.hits().stream().map(h -> new SearchResult(h.id(), h.type(),
                h.name(), h.matchedName(), Math.round(h.score() * 1000) / 1000.0, h.verdict(), h.licenceNumber(),
                h.licenceStatus(), h.validUntil(), h.blacklisted(), h.url())).toList());
    }

    @Get("/agencies/{id}")
    @Operation(summary = "An agency: names, licence, status history, branches, sanctions, blacklist entries, substantiated complaints")
    AgencyProfile agency(HttpRequest<?> request, @PathVariable long id) {
        Locale reader = languages.resolve(request);
        return profiles.agency(id, LocalDate.now(clock)).orElseThrow(() -> new RegistryException.NotFound(new MessageKey("agency.what"), id))
                .withReasonsIn(key -> messages.getMessage(key, reader).orElse(key));
    }

    @Get("/licences/{licenceNumber}")
    @Operation(summary = "Exact licence lookup; case and punctuation do not matter")
    LicenceResponse licence(@PathVariable String licenceNumber) {
        LocalDate today = LocalDate.now(clock);
        AgencyProfile holder = profiles.licenceHolder(licenceNumber, today)
                .filter(agency -> agency.licence() != null && agency.licence().number() != null)
                .orElseThrow(() -> new RegistryException.NotFound(new MessageKey("licence.what"), licenceNumber));
        AgencyProfile.Licence current = holder.licence();
        return new LicenceResponse(current.number(), current.status(), current.validFrom(), current.validUntil(),
                current.conditions(), holder.standing(), new AgencyRef(holder.id(), holder.legalName(), "/agencies/" + holder.id()));
    }

    @Get("/blacklist{?q,page,size}")
    @Operation(summary = "Current blacklist entries (persons and agencies, public fields only), matched by name when q is given")
    BlacklistResponse blacklist(@Nullable @QueryValue String q, @Nullable @QueryValue Integer page,
                                @Nullable @QueryValue Integer size) {
        Paging paging = Paging.of(page, size);
        return new BlacklistResponse(q == null ? "" : q.strip(), paging.page(), paging.size(),
                PortalPages.listings(search, queries, q, paging, LocalDate.now(clock)));
    }
}
