package org.fairrecruit.registry.intake;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import org.fairrecruit.registry.complaint.Category;
import org.fairrecruit.registry.web.CsrfProtection;
import org.fairrecruit.registry.web.CsrfInMultipartBody;
import org.fairrecruit.registry.fee.FeeTypes;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.web.Languages;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The public report form and the follow-up pages, all plain HTML forms (no script): the form, the
 * page that shows the reference and code once, the receipt PDF, the "I kept it" step, the status.
 * Every answer that shows a code is marked no-store, so a shared phone's history does not keep it.
 */
@Controller("/report")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class ReportPages {
    static final int FEE_ROWS = 3;
    static final String HONEYPOT = "website";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A country of work as the form offers it: its code and its name in the reader's language. */
    record Destination(String code, String name) {
    }

    @Serdeable
    record FollowUpForm(@Nullable String reference, @Nullable String followUpCode, @Nullable String lastGroup) {
    }

    private final HotlineReports reports;
    private final AgencyNames names;
    private final FeeTypes feeTypes;
    private final ReportReceipt receipt;
    private final Clients clients;
    private final Languages languages;
    private final IntakeRules rules;

    ReportPages(HotlineReports reports, AgencyNames names, FeeTypes feeTypes, ReportReceipt receipt, Clients clients,
                Languages languages, IntakeRules rules) {
        this.rules = rules;
        this.reports = reports;
        this.names = names;
        this.feeTypes = feeTypes;
        this.receipt = receipt;
        this.clients = clients;
        this.languages = languages;
    }

    @Get("{?name}")
    ModelAndView<Map<String, Object>> form(HttpRequest<?> request, @Nullable @QueryValue String name) {
        Map<String, String> values = new HashMap<>();
        values.put("agencyName", name == null ? "" : name.strip());
        values.put("language", languages.resolve(request).getLanguage());
        values.put("submission", newSubmissionToken());
        return formPage(request, values, Map.of(), names.suggest(name));
    }

    @Post
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @CsrfInMultipartBody
    HttpResponse<?> submit(HttpRequest<?> request, @Body MultipartBody body) {
        MultipartForm form = MultipartForm.read(body);
        CsrfProtection.requireMultipartToken(request, form.get("_csrf"));
        Map<String, String> values = new HashMap<>(form.fields());
        values.putIfAbsent("submission", newSubmissionToken());
        if (form.get("check") != null) {
            return HttpResponse.ok(formPage(request, values, Map.of(), names.suggest(form.get("agencyName"))));
        }
        try {
            InvalidInput.Collector formChecks = new InvalidInput.Collector()
                    .require(MultipartForm.blank(form.get(HONEYPOT)), HONEYPOT, "intake.error.notSent")
                    .require(form.get("consent") != null, "consent", "intake.error.consent");
            HotlineReports.Submitted submitted = reports.submit(form.report(FEE_ROWS), form.files(), values.get("submission"),
                    clients.of(request), formChecks);
            return noStore(HttpResponse.ok(submittedPage(submitted.reference(), submitted.followUpCode(), Map.of())));
        } catch (InvalidInput invalid) {
            return HttpResponse.badRequest(formPage(request, values, invalid.byField(), names.suggest(form.get("agencyName"))));
        }
    }

    @Post("/receipt")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces("application/pdf")
    HttpResponse<byte[]> receipt(HttpRequest<?> request, @Body FollowUpForm form) {
        HotlineReports.Report report = reports.open(form.reference(), form.followUpCode(), clients.of(request));
        byte[] pdf = receipt.render(report.reference(), FollowUpCode.parse(form.followUpCode()).code(), report.receivedAt(),
                languages.resolve(request));
        return noStore(HttpResponse.ok(pdf).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"report-" + report.reference() + ".pdf\""));
    }

    @Post("/kept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> kept(HttpRequest<?> request, @Body FollowUpForm form) {
        try {
            reports.confirmKept(form.reference(), form.followUpCode(), clients.of(request), form.lastGroup());
            return noStore(HttpResponse.ok(new ModelAndView<>("intake/kept", new HashMap<>(Map.of("reference", form.reference())))));
        } catch (InvalidInput invalid) {
            String code = FollowUpCode.parse(form.followUpCode()).code();
            return noStore(HttpResponse.badRequest(submittedPage(form.reference(), code, invalid.byField())));
        }
    }

    @Get("/status")
    ModelAndView<Map<String, Object>> lookup() {
        return lookupPage(null, null, Map.of(), null);
    }

    @Post("/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> status(HttpRequest<?> request, @Body FollowUpForm form) {
        try {
            HotlineReports.Report report = reports.open(form.reference(), form.followUpCode(), clients.of(request));
            return noStore(HttpResponse.ok(statusPage(report, FollowUpCode.parse(form.followUpCode()).code(), Map.of(),
                    null, null)));
        } catch (InvalidInput invalid) {
            return HttpResponse.badRequest(lookupPage(form.reference(), form.followUpCode(), invalid.byField(), null));
        } catch (IntakeRefusal refusal) {
            MutableHttpResponse<?> response = HttpResponse.status(refusal.status())
                    .body(lookupPage(form.reference(), form.followUpCode(), Map.of(), refusal));
            return refusal.retryAfterSeconds() > 0
                    ? response.header("Retry-After", Long.toString(refusal.retryAfterSeconds())) : response;
        }
    }

    @Post("/status/messages")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @CsrfInMultipartBody
    HttpResponse<?> addInformation(HttpRequest<?> request, @Body MultipartBody body) {
        MultipartForm form = MultipartForm.read(body);
        CsrfProtection.requireMultipartToken(request, form.get("_csrf"));
        String reference = form.get("reference");
        String code = form.get("followUpCode");
        try {
            HotlineReports.Report report = reports.addInformation(reference, code, clients.of(request), form.get("message"),
                    languages.resolve(request).getLanguage(), form.files());
            return noStore(HttpResponse.ok(statusPage(report, code, Map.of(), "intake.status.added", null)));
        } catch (InvalidInput invalid) {
            HotlineReports.Report report = reports.open(reference, code, clients.of(request));
            return noStore(HttpResponse.badRequest(statusPage(report, code, invalid.byField(), null, form.get("message"))));
        }
    }

    private ModelAndView<Map<String, Object>> formPage(HttpRequest<?> request, Map<String, String> values, Map<String, InvalidInput.FieldError> errors,
                                                       List<AgencyNames.Suggestion> suggestions) {
        Map<String, Object> model = new HashMap<>();
        model.put("v", values);
        model.put("errors", errors);
        model.put("suggestions", suggestions);
        model.put("categories", Arrays.asList(Category.values()));
        model.put("feeTypes", feeTypes.codes());
        model.put("feeRows", java.util.stream.IntStream.range(0, FEE_ROWS).boxed().toList());
        model.put("paidTo", List.of("AGENCY", "SUB_AGENT", "PERSON"));
        Locale locale = languages.resolve(request);
        model.put("destinations", rules.destinations().stream()
                .map(code -> new Destination(code, new Locale("", code).getDisplayCountry(locale))).toList());
        return new ModelAndView<>("intake/report", model);
    }

    private static ModelAndView<Map<String, Object>> submittedPage(String reference, String code,
                                                                   Map<String, InvalidInput.FieldError> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", reference);
        model.put("code", code);
        model.put("errors", errors);
        return new ModelAndView<>("intake/submitted", model);
    }

    private static ModelAndView<Map<String, Object>> lookupPage(String reference, String code,
                                                                Map<String, InvalidInput.FieldError> errors,
                                                                @Nullable IntakeRefusal refusal) {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", reference == null ? "" : reference);
        model.put("code", code == null ? "" : code);
        model.put("errors", errors);
        if (refusal != null) {
            model.put("refusal", refusal.messageKey());
            model.put("refusalArgs", refusal.args());
        }
        return new ModelAndView<>("intake/lookup", model);
    }

    private static ModelAndView<Map<String, Object>> statusPage(HotlineReports.Report report, String code,
                                                                Map<String, InvalidInput.FieldError> errors,
                                                                @Nullable String notice, @Nullable String message) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("report", report);
        model.put("code", code);
        model.put("errors", errors);
        model.put("notice", notice);
        model.put("message", message == null ? "" : message);
        return new ModelAndView<>("intake/status", model);
    }

    private static <T> MutableHttpResponse<T> noStore(MutableHttpResponse<T> response) {
        return response.header("Cache-Control", "no-store");
    }

    /** The form's idempotency key: a double click or a reload posts the same token, and gets one report. */
    private static String newSubmissionToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
