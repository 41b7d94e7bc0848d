package org.fairrecruit.registry.intake;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fairrecruit.registry.complaint.ComplaintStatus;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.web.Languages;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The hotline intake for partner apps and hotline software (../shared/API.md): the same rules as the
 * form, in JSON or multipart (the form's field names: category, description, fees[0].amount,
 * contact.email, … and files).
 */
@Controller("/api/v1/public/reports")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public")
class ReportApi {
    private static final int FEE_ROWS = 50;
    private static final String CODE_HEADER = "X-Follow-Up-Code";
    private static final String CREATED_EXAMPLE = "{\"reference\": \"7K4-M9Q-XR2\", \"followUpCode\": \"7K4M-9QXR-2ABT-DEFH\"}";
    private static final String STATUS_EXAMPLE = """
            {"reference": "7K4-M9Q-XR2", "status": "RECEIVED", "statusText": "Received: an officer will read it soon.",
             "receivedAt": "2026-12-01T09:00:00Z",
             "messages": [{"direction": "TO_REPORTER", "body": "Can you send a photo of the receipt?", "lang": "en",
                           "files": 0, "at": "2026-12-02T10:00:00Z"}]}""";

    @Serdeable
    record Created(String reference, String followUpCode) {
    }

    @Serdeable
    record Status(String reference, ComplaintStatus status, String statusText, Instant receivedAt,
                  List<HotlineReports.Message> messages) {
    }

    @Serdeable
    record Addition(@Nullable String message) {
    }

    private final HotlineReports reports;
    private final Clients clients;
    private final Languages languages;
    private final MessageSource messages;

    ReportApi(HotlineReports reports, Clients clients, Languages languages, MessageSource messages) {
        this.reports = reports;
        this.clients = clients;
        this.languages = languages;
        this.messages = messages;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a report (no account); the answer holds the reference and the follow-up code, shown only here",
            description = "Idempotency-Key (8-200 characters, e.g. a UUID): a retried request with the same key and body gets "
                    + "the first answer back for 24 hours and creates no second report; the same key with another body is 422.")
    @ApiResponse(responseCode = "201", content = @Content(examples = @ExampleObject(value = CREATED_EXAMPLE)))
    @ApiResponse(responseCode = "400", description = "invalid fields, problem+json with errors [{field, message}]")
    @ApiResponse(responseCode = "429", description = "too many reports from this client; see Retry-After")
    HttpResponse<Created> create(HttpRequest<?> request, @Body NewReport report,
                                 @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        return created(reports.submit(report, List.of(), key(idempotencyKey), clients.of(request)));
    }

    @Post
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Send a report with files (JPEG, PNG or PDF, at most 5 of 10 MB; photos are stored without GPS and device data)",
            description = "Fields as in the JSON body, flattened: category, description, agencyName, agencyId, destinationCountry, "
                    + "employer, language, fees[0].feeType, fees[0].amount, fees[0].currency, fees[0].paidOn, fees[0].paidTo, "
                    + "contact.name, contact.phone, contact.email, contact.language; files in parts named files.")
    @ApiResponse(responseCode = "201", content = @Content(examples = @ExampleObject(value = CREATED_EXAMPLE)))
    HttpResponse<Created> createWithFiles(HttpRequest<?> request, @Body MultipartBody body,
                                          @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        MultipartForm form = MultipartForm.read(body);
        return created(reports.submit(form.report(FEE_ROWS), form.files(), key(idempotencyKey), clients.of(request)));
    }

    @Get("/{reference}")
    @Operation(summary = "The status of one's own report and the regulator's messages",
            description = "A wrong code and an unknown reference get the same 404; repeated failures wait (429, Retry-After). "
                    + "A code with a wrong check character is 400, named as mistyped.")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = STATUS_EXAMPLE)))
    Status status(HttpRequest<?> request, @PathVariable String reference,
                  @Parameter(description = "the follow-up code") @Nullable @Header(CODE_HEADER) String code) {
        return status(request, reports.open(reference, code, clients.of(request)));
    }

    @Post("/{reference}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer the regulator or add information")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = STATUS_EXAMPLE)))
    Status add(HttpRequest<?> request, @PathVariable String reference, @Nullable @Header(CODE_HEADER) String code,
               @Body Addition addition) {
        return status(request, reports.addInformation(reference, code, clients.of(request), addition.message(),
                languages.resolve(request).getLanguage(), List.of()));
    }

    @Post("/{reference}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Add information with files (parts message and files)")
    Status addWithFiles(HttpRequest<?> request, @PathVariable String reference, @Nullable @Header(CODE_HEADER) String code,
                        @Body MultipartBody body) {
        MultipartForm form = MultipartForm.read(body);
        return status(request, reports.addInformation(reference, code, clients.of(request), form.get("message"),
                languages.resolve(request).getLanguage(), form.files()));
    }

    private Status status(HttpRequest<?> request, HotlineReports.Report report) {
        Locale locale = languages.resolve(request);
        return new Status(report.reference(), report.status(),
                messages.getMessage("intake.status." + report.status().name(), locale).orElse(report.status().name()),
                report.receivedAt(), report.messages());
    }

    private static HttpResponse<Created> created(HotlineReports.Submitted submitted) {
        return HttpResponse.created(new Created(submitted.reference(), submitted.followUpCode()))
                .header("Cache-Control", "no-store");
    }

    private static String key(String idempotencyKey) {
        if (idempotencyKey == null) {
            return null;
        }
        new InvalidInput.Collector().require(idempotencyKey.strip().length() >= 8 && idempotencyKey.strip().length() <= 200,
                "Idempotency-Key", "intake.error.idempotencyKey").throwIfAny();
        return idempotencyKey.strip();
    }
}
