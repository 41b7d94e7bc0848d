package org.fairrecruit.registry.sanction;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.web.Forms;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.CsvExport;
import org.fairrecruit.registry.kernel.ListQuery;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Staff page of the blacklist: entries in force, and proposals to list someone or to delist an entry. */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/blacklist")
@Hidden
class BlacklistController {
    private static final String VIEW = "sanction/blacklist";
    private final Listings listings;
    private final FourEyes fourEyes;

    BlacklistController(Listings listings, FourEyes fourEyes) {
        this.listings = listings;
        this.fourEyes = fourEyes;
    }

    @Get
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR})
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request) {
        return new ModelAndView<>(VIEW, model(ListQuery.of(Listings.LIST, request), ListingForm.EMPTY, Map.of()));
    }

    @Get("/export.csv")
    @Produces({"text/csv", MediaType.ALL})
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR})
    HttpResponse<byte[]> export(HttpRequest<?> request) {
        List<List<?>> rows = listings.list(ListQuery.of(Listings.LIST, request).everything()).items().stream()
                .<List<?>>map(e -> Arrays.asList(e.id(), e.subjectType(), e.name(), String.join("|", e.aliases()),
                        e.nationality(), e.birthYear(), e.idDocumentMasked(), e.reasonCategory(), e.caseReference(),
                        e.listedOn() == null ? null : e.listedOn().toString(),
                        e.expiresOn() == null ? null : e.expiresOn().toString()))
                .toList();
        return CsvExport.download("blacklist.csv", List.of("id", "subjectType", "name", "aliases", "nationality",
                "birthYear", "idDocument", "reasonCategory", "caseReference", "listedOn", "expiresOn"), rows);
    }

    @Post("/proposals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    HttpResponse<?> proposeListing(HttpRequest<?> request, Authentication actor, @Body ListingForm form) {
        try {
            fourEyes.propose(actor.getName(), BlacklistDecisions.listing(form.draft(), form.reason(), form.legalBasis()));
            return HttpResponse.seeOther(URI.create("/staff/proposals"));
        } catch (InvalidInput invalid) {
            return HttpResponse.badRequest(new ModelAndView<>(VIEW, model(ListQuery.of(Listings.LIST, request), form,
                    invalid.byField())));
        }
    }

    @Post("/{id}/delisting")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    HttpResponse<?> proposeDelisting(Authentication actor, @PathVariable long id, @Body DelistingForm form) {
        fourEyes.propose(actor.getName(), BlacklistDecisions.delisting(id, form.reason(), form.legalBasis()));
        return HttpResponse.seeOther(URI.create("/staff/proposals"));
    }

    private Map<String, Object> model(ListQuery query, ListingForm form, Map<String, InvalidInput.FieldError> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("list", listings.list(query));
        model.put("form", form);
        model.put("errors", errors);
        model.put("subjectTypes", ListingDraft.SUBJECT_TYPES);
        model.put("reasons", ListingDraft.REASONS);
        return model;
    }

    @Serdeable
    record ListingForm(@Nullable String subjectType, @Nullable String agencyId, @Nullable String name,
                       @Nullable String aliases, @Nullable String nationality, @Nullable String birthYear,
                       @Nullable String idDocument, @Nullable String reasonCategory, @Nullable String caseReference,
                       @Nullable String listedOn, @Nullable String expiresOn, @Nullable String reason,
                       @Nullable String legalBasis) {
        static final ListingForm EMPTY = new ListingForm("PERSON", "", "", "", "", "", "", "ILLEGAL_RECRUITMENT", "",
                "", "", "", "");

        ListingDraft draft() {
            Integer agency = Forms.integer("agencyId", agencyId);
            return new ListingDraft(subjectType, agency == null ? null : agency.longValue(), name, Forms.lines(aliases),
                    nationality, Forms.integer("birthYear", birthYear), blankToNull(idDocument), reasonCategory,
                    blankToNull(caseReference), Forms.date("listedOn", listedOn), Forms.date("expiresOn", expiresOn));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    @Serdeable
    record DelistingForm(@Nullable String reason, @Nullable String legalBasis) {
    }
}
