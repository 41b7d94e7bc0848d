package org.fairrecruit.registry.complaint;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import org.fairrecruit.registry.agency.AgencyRegister;
import org.fairrecruit.registry.fee.FeeRecords;
import org.fairrecruit.registry.fee.NewFee;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.web.Forms;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.web.Languages;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hotline operator's one-screen intake for phone calls and walk-ins, built for the keyboard:
 * fields in the order a call goes, the agency found by the matcher as the operator types (a small
 * script) or with the Find button (no script needed), and the reference shown large to read out.
 */
@Controller("/staff/hotline")
@Hidden
@Secured({Roles.HOTLINE_OPERATOR, Roles.INVESTIGATOR})
class HotlineController {
    private static final String VIEW = "complaint/hotline";
    private static final int CANDIDATES = 8;
    private final ComplaintIntake intake;
    private final ComplaintCases cases;
    private final AgencyRegister agencies;
    private final FeeRecords fees;
    private final Languages languages;

    HotlineController(ComplaintIntake intake, ComplaintCases cases, AgencyRegister agencies, FeeRecords fees,
                      Languages languages) {
        this.fees = fees;
        this.intake = intake;
        this.cases = cases;
        this.agencies = agencies;
        this.languages = languages;
    }

    @Serdeable
    record IntakeForm(@Nullable String channel, @Nullable String category, @Nullable String summary,
                      @Nullable String agencyQuery, @Nullable String agencyId, @Nullable String recruiterName,
                      @Nullable String destinationCountry, @Nullable String callerName, @Nullable String callerPhone,
                      @Nullable String callerEmail, @Nullable String callerLanguage, @Nullable String feeType,
                      @Nullable String feeAmount, @Nullable String feeCurrency, @Nullable String feePaidOn,
                      @Nullable String action) {
        static final IntakeForm EMPTY = new IntakeForm("PHONE", "PROHIBITED_FEES", "", "", "", "", "", "", "", "", "",
                "", "", "", "", "");

        boolean hasFee() {
            return !blank(feeType) || !blank(feeAmount);
        }
    }

    /** A candidate agency as the as-you-type script shows it. */
    @Serdeable
    record Candidate(long id, String name, String registrationNumber, @Nullable String licenceStatus) {
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> form() {
        return new ModelAndView<>(VIEW, model(IntakeForm.EMPTY, List.of(), Map.of()));
    }

    @Get("/agencies")
    @Produces(MediaType.APPLICATION_JSON)
    List<Candidate> candidates(@Nullable @QueryValue String q) {
        return find(q);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> submit(HttpRequest<?> request, Authentication operator, @Body IntakeForm form) {
        if ("find".equals(form.action())) {
            return HttpResponse.ok(new ModelAndView<>(VIEW, model(form, find(form.agencyQuery()), Map.of())));
        }
        try {
            Integer agency = Forms.integer("agencyId", form.agencyId());
            List<NewFee> fees = form.hasFee() ? List.of(new NewFee(form.feeType(), form.feeAmount(), form.feeCurrency(),
                    Forms.date("feePaidOn", form.feePaidOn()), null, null, null, null)) : List.of();
            Receipt receipt = intake.receive(new NewComplaint(operator.getName(),
                    Forms.choice(Channel.class, "channel", form.channel()),
                    Forms.choice(Category.class, "category", form.category()), form.summary(),
                    languages.resolve(request).getLanguage(), agency == null ? null : agency.longValue(),
                    form.recruiterName(), null, form.destinationCountry(), null, null, null, fees, List.of(),
                    new Contact(form.callerName(), form.callerPhone(), form.callerEmail(), form.callerLanguage())));
            return HttpResponse.seeOther(URI.create("/staff/hotline/received/" + receipt.id()));
        } catch (InvalidInput invalid) {
            return HttpResponse.badRequest(new ModelAndView<>(VIEW, model(form, find(form.agencyQuery()),
                    fieldsOfForm(invalid))));
        }
    }

    @Get("/received/{id}")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> received(Authentication operator, @PathVariable long id) {
        Map<String, Object> model = new HashMap<>();
        model.put("complaint", cases.view(operator, id));
        return new ModelAndView<>("complaint/hotline-received", model);
    }

    private List<Candidate> find(String q) {
        if (blank(q)) {
            return List.of();
        }
        return agencies.search(q.strip().length() > 200 ? q.strip().substring(0, 200) : q, CANDIDATES).stream()
                .map(a -> new Candidate(a.id(), a.legalName(), a.registrationNumber(), a.licenceStatus())).toList();
    }

    /** The intake's field names (fees[0].amount, contact.phone) as this form names them. */
    private static Map<String, InvalidInput.FieldError> fieldsOfForm(InvalidInput invalid) {
        Map<String, String> names = Map.of("fees[0].feeType", "feeType", "fees[0].amount", "feeAmount",
                "fees[0].currency", "feeCurrency", "fees[0].paidOn", "feePaidOn", "contact.name", "callerName",
                "contact.phone", "callerPhone", "contact.email", "callerEmail", "contact.language", "callerLanguage");
        Map<String, InvalidInput.FieldError> byField = new HashMap<>();
        invalid.errors().forEach(e -> byField.putIfAbsent(names.getOrDefault(e.field(), e.field()), e));
        return byField;
    }

    private Map<String, Object> model(IntakeForm form, List<Candidate> candidates, Map<String, InvalidInput.FieldError> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("candidates", candidates);
        model.put("errors", errors);
        model.put("channels", List.of(Channel.PHONE, Channel.WALK_IN, Channel.EMAIL, Channel.REFERRAL));
        model.put("categories", Arrays.asList(Category.values()));
        model.put("feeTypes", fees.types().stream().map(FeeRecords.FeeType::code).toList());
        model.put("callerLanguages", languages.supported());
        return model;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
