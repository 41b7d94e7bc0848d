package org.fairrecruit.registry.sanction;

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
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.web.Countries;
import org.fairrecruit.registry.web.FormInput;
import org.fairrecruit.registry.web.FormSubmissions;
import org.fairrecruit.registry.web.Forms;
import org.fairrecruit.registry.web.Languages;
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
    private static final String LISTING_FORM = "listing";
    /** What the listing form proposes before anything is typed. */
    private static final Map<String, String> LISTING_DEFAULTS = Map.of("subjectType", "PERSON",
            "reasonCategory", "ILLEGAL_RECRUITMENT");
    private final Listings listings;
    private final FourEyes fourEyes;
    private final FormSubmissions submissions;
    private final Languages languages;

    BlacklistController(Listings listings, FourEyes fourEyes, FormSubmissions submissions, Languages languages) {
        this.listings = listings;
        this.fourEyes = fourEyes;
        this.submissions = submissions;
        this.languages = languages;
    }

    @Get
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR})
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request) {
        return new ModelAndView<>(VIEW, model(request, null));
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
    HttpResponse<?> proposeListing(HttpRequest<?> request, Authentication actor, @Body Map<String, String> values) {
        FormInput form = new FormInput(LISTING_FORM, values);
        return submit(request, form, () -> fourEyes.propose(actor.getName(),
                BlacklistDecisions.listing(draft(form), form.text("reason"), form.text("legalBasis"))));
    }

    @Post("/{id}/delisting")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR})
    HttpResponse<?> proposeDelisting(HttpRequest<?> request, Authentication actor, @PathVariable long id,
                                     @Body Map<String, String> values) {
        FormInput form = new FormInput("delist-" + id, values);
        return submit(request, form, () -> fourEyes.propose(actor.getName(),
                BlacklistDecisions.delisting(id, form.text("reason"), form.text("legalBasis"))));
    }

    /** On success to the proposals; on refusal this page again with that form open, input kept, errors beside. */
    private HttpResponse<?> submit(HttpRequest<?> request, FormInput form, Runnable propose) {
        try {
            submissions.run(form, propose);
            return HttpResponse.seeOther(URI.create("/staff/proposals"));
        } catch (InvalidInput invalid) {
            return HttpResponse.badRequest(new ModelAndView<>(VIEW, model(request, form.failed(invalid))));
        }
    }

    private static ListingDraft draft(FormInput form) {
        Integer agency = form.integer("agencyId");
        return new ListingDraft(form.text("subjectType"), agency == null ? null : agency.longValue(), form.text("name"),
                Forms.lines(form.text("aliases")), form.text("nationality"), form.integer("birthYear"),
                trimmed(form.text("idDocument")), form.text("reasonCategory"), trimmed(form.text("caseReference")),
                form.date("listedOn"), form.date("expiresOn"));
    }

    private static String trimmed(String value) {
        return value == null ? null : value.strip();
    }

    private Map<String, Object> model(HttpRequest<?> request, FormInput.Failed failed) {
        Map<String, Object> model = new HashMap<>();
        model.put("list", listings.list(ListQuery.of(Listings.LIST, request)));
        model.put("failed", failed);
        model.put("listingDefaults", LISTING_DEFAULTS);
        model.put("countries", Countries.in(languages.resolve(request)));
        model.put("subjectTypes", ListingDraft.SUBJECT_TYPES);
        model.put("reasons", ListingDraft.REASONS);
        return model;
    }
}
