package org.fairrecruit.registry.agency;

import org.fairrecruit.registry.kernel.PublicId;
import com.ibm.icu.util.ULocale;
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
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.matching.EntityType;
import org.fairrecruit.registry.matching.MatchQuery;
import org.fairrecruit.registry.matching.RegistryNameIndex;
import org.fairrecruit.registry.matching.Verdict;
import org.fairrecruit.registry.web.Forms;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.RegistryException;
import org.fairrecruit.registry.kernel.CsvExport;
import org.fairrecruit.registry.web.Languages;
import org.fairrecruit.registry.kernel.ListQuery;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Back-office pages of the agency register: list and search, register, correct, branches, key persons. */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/agencies")
@Hidden
class AgencyController {
    private static final String FORM = "agency/form";
    private static final int SIMILAR_SHOWN = 5;
    private final AgencyRegister register;
    private final Languages languages;
    private final RegistryNameIndex names;

    AgencyController(AgencyRegister register, Languages languages, RegistryNameIndex names) {
        this.register = register;
        this.languages = languages;
        this.names = names;
    }

    /** A country the register's agencies are in, named in the reader's language. */
    record Country(String code, String name) {
    }

    @Get
    @View("agency/list")
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR, Roles.HOTLINE_OPERATOR})
    Map<String, Object> list(HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>();
        model.put("list", register.list(ListQuery.of(AgencyRegister.LIST, request)));
        model.put("states", register.licenceStates());
        ULocale reader = ULocale.forLocale(languages.resolve(request));
        model.put("countries", register.countries().stream()
                .map(code -> new Country(code, new ULocale("", code).getDisplayCountry(reader))).toList());
        return model;
    }

    @Get("/export.csv")
    @Produces({"text/csv", MediaType.ALL})
    @Secured({Roles.LICENSING_OFFICER, Roles.INVESTIGATOR, Roles.SUPERVISOR, Roles.AUDITOR, Roles.HOTLINE_OPERATOR})
    HttpResponse<byte[]> export(HttpRequest<?> request) {
        List<List<?>> rows = register.list(ListQuery.of(AgencyRegister.LIST, request).everything()).items().stream()
                .<List<?>>map(a -> Arrays.asList(a.id(), a.legalName(), a.registrationNumber(), a.country(),
                        a.licenceNumber(), a.licenceStatus()))
                .toList();
        return CsvExport.download("agencies.csv",
                List.of("id", "legalName", "registrationNumber", "country", "licenceNumber", "licenceStatus"), rows);
    }

    @Get("/new")
    @View(FORM)
    @Secured(Roles.LICENSING_OFFICER)
    Map<String, Object> blank() {
        return formModel(null, AgencyForm.EMPTY, Map.of(), null);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.LICENSING_OFFICER)
    HttpResponse<?> create(Authentication actor, @Body AgencyForm form) {
        List<Similar> similar = "on".equals(form.confirmDuplicate()) ? List.of() : similar(form.legalName());
        if (!similar.isEmpty()) {
            Map<String, Object> model = formModel(null, form, Map.of(), null);
            model.put("similar", similar);
            return HttpResponse.ok(new ModelAndView<>(FORM, model));
        }
        try {
            Agency created = register.register(actor.getName(), form.input());
            return HttpResponse.seeOther(URI.create("/staff/agencies/" + created.id()));
        } catch (InvalidInput invalid) {
            return HttpResponse.badRequest(new ModelAndView<>(FORM, formModel(null, form, invalid.byField(), null)));
        }
    }

    @Get("/{id}/edit")
    @View(FORM)
    @Secured(Roles.LICENSING_OFFICER)
    Map<String, Object> edit(@PathVariable long id) {
        Agency agency = register.get(id);
        return formModel(agency, AgencyForm.of(agency), Map.of(), null);
    }

    /** A concurrent edit is not overwritten: the form comes back with the entries kept and a conflict message. */
    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.LICENSING_OFFICER)
    HttpResponse<?> update(Authentication actor, @PathVariable long id, @Body AgencyForm form) {
        Agency agency = register.get(id);
        try {
            register.update(actor.getName(), id, form.version() == null ? -1 : form.version(), form.input());
            return HttpResponse.seeOther(URI.create("/staff/agencies/" + id));
        } catch (InvalidInput invalid) {
            return HttpResponse.badRequest(new ModelAndView<>(FORM, formModel(agency, form, invalid.byField(), null)));
        } catch (RegistryException.Conflict conflict) {
            return HttpResponse.status(conflict.status()).body(new ModelAndView<>(FORM,
                    formModel(agency, form, Map.of(), "agency.error.conflict")));
        }
    }

    /** An agency already registered under a name the matcher finds close to the new one. */
    record Similar(long id, String name) {
    }

    /**
     * Registered agencies the matcher is confident {@code legalName} names (MATCH, not merely POSSIBLE: a warning on
     * every shared word would teach officers to tick it away), so the officer can check before saving.
     */
    private List<Similar> similar(String legalName) {
        if (legalName == null || legalName.isBlank()) {
            return List.of();
        }
        return names.search(new MatchQuery(legalName.strip(), EntityType.AGENCY, null), SIMILAR_SHOWN).stream()
                .filter(match -> match.verdict() == Verdict.MATCH)
                .flatMap(match -> PublicId.AGENCY.parse(match.id()).stream())
                .distinct().map(id -> new Similar(id, register.get(id).legalName())).toList();
    }

    private static Map<String, Object> formModel(Agency agency, AgencyForm form, Map<String, InvalidInput.FieldError> errors,
                                                 String conflict) {
        Map<String, Object> model = new HashMap<>();
        model.put("agency", agency);
        model.put("form", form);
        model.put("errors", errors);
        model.put("conflict", conflict);
        return model;
    }

    @Serdeable
    record AgencyForm(@Nullable Long version, @Nullable String legalName, @Nullable String registrationNumber,
                      @Nullable String country, @Nullable String address, @Nullable String phone, @Nullable String email,
                      @Nullable String website, @Nullable String tradeNames, @Nullable String aliases,
                      @Nullable String nativeNames, @Nullable String destinations, @Nullable String confirmDuplicate) {
        static final AgencyForm EMPTY = new AgencyForm(null, "", "", "", "", "", "", "", "", "", "", "", null);

        static AgencyForm of(Agency a) {
            return new AgencyForm(a.version(), a.legalName(), a.registrationNumber(), a.country(), a.address(), a.phone(),
                    a.email(), a.website(), String.join("\n", a.namesOf(Agency.NameKind.TRADE)),
                    String.join("\n", a.namesOf(Agency.NameKind.ALIAS)), String.join("\n", a.namesOf(Agency.NameKind.NATIVE)),
                    String.join(", ", a.destinations()), null);
        }

        AgencyInput input() {
            return new AgencyInput(legalName, registrationNumber, country, address, phone, email, website,
                    Forms.lines(tradeNames), Forms.lines(aliases), Forms.lines(nativeNames), Forms.codes(destinations));
        }
    }
}
