package org.fairrecruit.registry.portal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import org.fairrecruit.registry.matching.EntityType;
import org.fairrecruit.registry.web.Languages;
import org.fairrecruit.registry.web.Paging;
import org.fairrecruit.registry.web.RegistryException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The public portal's pages: search results, an agency, the blacklist, the hotline's contacts. */
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class PortalPages {
    private static final int RESULTS = 20;
    private static final int LISTINGS_PER_PAGE = 50;

    /** A verdict as the page shows it: the words and the banner's colour. */
    record Banner(String text, String tone) {
    }

    record HitView(PortalSearch.Hit hit, Banner banner) {
    }

    private final PortalSearch search;
    private final PortalQueries queries;
    private final Verdicts verdicts;
    private final PortalSettings settings;
    private final Languages languages;
    private final Clock clock;

    PortalPages(PortalSearch search, PortalQueries queries, Verdicts verdicts, PortalSettings settings,
                Languages languages, Clock clock) {
        this.search = search;
        this.queries = queries;
        this.verdicts = verdicts;
        this.settings = settings;
        this.languages = languages;
        this.clock = clock;
    }

    @Get("/search{?q,type}")
    @View("portal/search")
    Map<String, Object> search(HttpRequest<?> request, @Nullable @QueryValue String q, @Nullable @QueryValue String type) {
        Locale locale = languages.resolve(request);
        PortalSearch.Outcome outcome = search.search(q == null ? "" : truncate(q), parseType(type), RESULTS);
        Map<String, Object> model = new HashMap<>();
        model.put("q", outcome.query());
        model.put("hits", outcome.hits().stream().map(hit -> new HitView(hit,
                banner(hit.standing(), hit.validUntil(), locale))).toList());
        model.put("noMatch", !outcome.query().isEmpty() && outcome.hits().isEmpty());
        model.put("noMatchBanner", new Banner(verdicts.text("search.noMatch", locale), "bad"));
        outcome.lookAlike().ifPresent(warning -> model.put("lookAlike",
                verdicts.text(warning.messageKey(), locale, warning.names().toArray())));
        return model;
    }

    @Get("/agencies/{id}")
    @View("portal/agency")
    Map<String, Object> agency(HttpRequest<?> request, @PathVariable long id) {
        Locale locale = languages.resolve(request);
        AgencyProfile agency = queries.agency(id, LocalDate.now(clock))
                .orElseThrow(() -> new RegistryException.NotFound("Agency", id));
        Map<String, Object> model = new HashMap<>();
        model.put("agency", agency);
        model.put("banner", banner(agency.standing(), agency.licence() == null ? null : agency.licence().validUntil(), locale));
        model.put("dates", new Dates(verdicts, locale));
        return model;
    }

    @Get("/blacklist{?q,page}")
    @View("portal/blacklist")
    Map<String, Object> blacklist(HttpRequest<?> request, @Nullable @QueryValue String q, @Nullable @QueryValue Integer page) {
        Locale locale = languages.resolve(request);
        Map<String, Object> model = new HashMap<>();
        model.put("q", q == null ? "" : q.strip());
        model.put("listings", listings(search, queries, q, Paging.of(page, LISTINGS_PER_PAGE), LocalDate.now(clock)));
        model.put("dates", new Dates(verdicts, locale));
        return model;
    }

    @Get("/contact")
    @View("portal/contact")
    Map<String, Object> contact() {
        Map<String, Object> model = new HashMap<>();
        model.put("hotline", settings.hotline());
        return model;
    }

    /** With a name: the current listings that name matches, best first; without: all, newest first. */
    static List<AgencyProfile.Listing> listings(PortalSearch search, PortalQueries queries, @Nullable String q,
                                                Paging paging, LocalDate today) {
        if (q == null || q.isBlank()) {
            return queries.currentListings(paging, today);
        }
        return search.listingsNamed(truncate(q), paging.size(), today);
    }

    private Banner banner(Standing standing, @Nullable LocalDate validUntil, Locale locale) {
        return new Banner(verdicts.say(standing, validUntil, locale), standing.tone().name().toLowerCase(Locale.ROOT));
    }

    @Nullable
    static EntityType parseType(@Nullable String type) {
        if (type == null || type.isBlank() || "ANY".equalsIgnoreCase(type)) {
            return null;
        }
        try {
            return EntityType.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new RegistryException.BadRequest("search.type.invalid");
        }
    }

    /** Names are never this long; a longer query is someone testing the limits. */
    static String truncate(String q) {
        return q.length() > 200 ? q.substring(0, 200) : q;
    }

    /** Dates in the page's language, for templates. */
    record Dates(Verdicts verdicts, Locale locale) {
        public String format(@Nullable LocalDate date) {
            return verdicts.date(date, locale);
        }

        public String format(@Nullable java.time.Instant instant) {
            return instant == null ? "" : verdicts.date(LocalDate.ofInstant(instant, java.time.ZoneOffset.UTC), locale);
        }
    }
}
