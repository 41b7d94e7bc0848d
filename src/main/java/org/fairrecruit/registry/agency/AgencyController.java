package org.fairrecruit.registry.agency;

import org.fairrecruit.registry.kernel.PublicId;
import com.ibm.icu.util.ULocale;
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
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.matching.EntityType;
import org.fairrecruit.registry.matching.MatchQuery;
import org.fairrecruit.registry.matching.RegistryNameIndex;
import org.fairrecruit.registry.matching.Verdict;
import org.fairrecruit.registry.web.Countries;
import org.fairrecruit.registry.web.FormInput;
import org.fairrecruit.registry.web.FormSubmissions;
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
    private static final String FORM_NAME = "agency";
    private static final int SIMILAR_SHOWN = 5;
    private final AgencyRegister register;
    private final Languages languages;
    private final RegistryNameIndex names;
    private final FormSubmissions submissions;

    AgencyController(AgencyRegister register, Languages languages, RegistryNameIndex names, FormSubmissions submissions) {
        this.submissions = submissions;
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
    Map<String, Object> blank(HttpRequest<?> request) {
        return formModel(request, null, new FormInput.Failed(FORM_NAME, Map.of(), Map.of()), null);
    }

    /**
     * Registers an agency unless the matcher knows one by a close name: then the form comes back with those agencies
     * to check (and every refusal of the same submit) until the officer confirms it is a different one.
     */
    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.LICENSING_OFFICER)
    HttpResponse<?> create(HttpRequest<?> request, Authentication actor, @Body Map<String, String> values) {
        FormInput form = new FormInput(FORM_NAME, values);
        AgencyInput input = input(form);
        List<Similar> similar = "on".equals(form.text("confirmDuplicate")) ? List.of() : similar(input.legalName());
        try {
            if (!similar.isEmpty()) {
                register.check(input);
                Map<String, Object> model = formModel(request, null, form.failed(new InvalidInput(List.of())), null);
                model.put("similar", similar);
                return HttpResponse.ok(new ModelAndView<>(FORM, model));
            }
            Agency created = register.register(actor.getName(), input);
            return HttpResponse.seeOther(URI.create("/staff/agencies/" + created.id()));
        } catch (InvalidInput invalid) {
            Map<String, Object> model = formModel(request, null, form.failed(invalid), null);
            model.put("similar", similar.isEmpty() ? null : similar);
            return HttpResponse.badRequest(new ModelAndView<>(FORM, model));
        }
    }

    @Get("/{id}/edit")
    @View(FORM)
    @Secured(Roles.LICENSING_OFFICER)
    Map<String, Object> edit(HttpRequest<?> request, @PathVariable long id) {
        Agency agency = register.get(id);
        return formModel(request, agency, new FormInput.Failed(FORM_NAME, values(agency), Map.of()), null);
    }

    /** A concurrent edit is not overwritten: the form comes back with the entries kept and a conflict message. */
    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.LICENSING_OFFICER)
    HttpResponse<?> update(HttpRequest<?> request, Authentication actor, @PathVariable long id,
                           @Body Map<String, String> values) {
        Agency agency = register.get(id);
        FormInput form = new FormInput(FORM_NAME, values);
        try {
            submissions.run(form, () -> {
                Integer version = form.integer("version");
                register.update(actor.getName(), id, version == null ? -1 : version, input(form));
            });
            return HttpResponse.seeOther(URI.create("/staff/agencies/" + id));
        } catch (InvalidInput invalid) {
            return HttpResponse.badRequest(new ModelAndView<>(FORM, formModel(request, agency, form.failed(invalid), null)));
        } catch (RegistryException.Conflict conflict) {
            return HttpResponse.status(conflict.status()).body(new ModelAndView<>(FORM, formModel(request, agency,
                    form.failed(new InvalidInput(List.of())), "agency.error.conflict")));
        }
    }

    private static AgencyInput input(FormInput form) {
        return new AgencyInput(form.text("legalName"), form.text("registrationNumber"), form.text("country"),
                form.text("address"), form.text("phone"), form.text("email"), form.text("website"),
                Forms.lines(form.text("tradeNames")), Forms.lines(form.text("aliases")),
                Forms.lines(form.text("nativeNames")), Forms.codes(form.text("destinations")));
    }

    /** The register entry as the form shows it. */
    private static Map<String, String> values(Agency a) {
        Map<String, String> values = new HashMap<>();
        values.put("version", String.valueOf(a.version()));
        values.put("legalName", a.legalName());
        values.put("registrationNumber", a.registrationNumber());
        values.put("country", a.country());
        values.put("address", a.address());
        values.put("phone", a.phone());
        values.put("email", a.email());
        values.put("website", a.website());
        values.put("tradeNames", String.join("\n", a.namesOf(Agency.NameKind.TRADE)));
        values.put("aliases", String.join("\n", a.namesOf(Agency.NameKind.ALIAS)));
        values.put("nativeNames", String.join("\n", a.namesOf(Agency.NameKind.NATIVE)));
        values.put("destinations", String.join(", ", a.destinations()));
        return values;
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

    private Map<String, Object> formModel(HttpRequest<?> request, Agency agency, FormInput.Failed form, String conflict) {
        Map<String, Object> model = new HashMap<>();
        model.put("agency", agency);
        model.put("failed", form);
        model.put("countries", Countries.in(languages.resolve(request)));
        model.put("conflict", conflict);
        return model;
    }
}
