package org.fairrecruit.registry.screening;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fairrecruit.registry.identity.ApiClient;
import org.fairrecruit.registry.identity.ApiKeyScope;
import org.fairrecruit.registry.identity.ApiKeys;
import org.fairrecruit.registry.notification.Webhooks;
import org.fairrecruit.registry.web.Languages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

/**
 * The employer screening API. Every call carries a key in the X-Api-Key header (never in the URL,
 * where logs and browser histories keep it); the key's scope decides what it may call.
 */
@Controller("/api/v1/screening")
@Secured(SecurityRule.IS_ANONYMOUS)
@SecurityScheme(name = "screeningKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = ScreeningApiController.KEY_HEADER, description = "a screening API key (rar_…) issued by the registry")
@SecurityRequirement(name = "screeningKey")
@Tag(name = "Screening", description = "Employer due diligence (header X-Api-Key); see /screening for the guide")
class ScreeningApiController {
    static final String KEY_HEADER = "X-Api-Key";
    private static final String CSV = "text/csv; charset=utf-8";
    private final ApiKeys keys;
    private final Screenings screenings;
    private final ScreeningBatches batches;
    private final BatchSummary summaries;
    private final Watches watches;
    private final ScreeningChanges changes;
    private final Languages languages;

    ScreeningApiController(ApiKeys keys, Screenings screenings, ScreeningBatches batches, BatchSummary summaries,
                           Watches watches, ScreeningChanges changes, Languages languages) {
        this.keys = keys;
        this.screenings = screenings;
        this.batches = batches;
        this.summaries = summaries;
        this.watches = watches;
        this.changes = changes;
        this.languages = languages;
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)

    @Serdeable
    record MatchRequest(@Nullable List<ScreeningQuery> queries) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)

    @Serdeable
    record MatchResponse(List<QueryResult> results) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)

    @Serdeable
    record Queued(long batchId) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)

    @Serdeable
    record TestQueued(String webhookId) {
    }

    @Post("/match")
    @Operation(summary = "Screen up to 1,000 names at once (scope MATCH)", description = """
            Each query: ref (yours, echoed back), name, type AGENCY, PERSON or ANY, and optionally country \
            (ISO 3166-1 alpha-2) and licenceNumber, which raise the score when they agree with the candidate \
            and lower it when they do not (the explanation says which). Candidates are best first; verdict MATCH \
            means the registry is confident the query names that entity, POSSIBLE that a person should look. \
            The same data always gives the same answer, and every call is stored with what was asked and answered.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(value = """
                    {"queries": [{"ref": "emp-1", "name": "Blue Water Manpower Pvt Ltd", "type": "AGENCY", "country": "NP"},
                                 {"ref": "emp-2", "name": "Mohd Rahman", "type": "PERSON"}]}"""))),
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(value = """
                    {"results": [{"ref": "emp-1", "candidates": [{"id": "agency-12", "type": "AGENCY",
                      "name": "Blue Water Manpower Pvt. Ltd.", "matchedName": "Blue Water Manpower Pvt. Ltd.", "score": 1.0,
                      "verdict": "MATCH", "explanation": "same name apart from case, spacing and punctuation; registered in NP as asked (score raised)",
                      "licenceStatus": "ACTIVE", "blacklisted": false}]},
                      {"ref": "emp-2", "candidates": []}]}"""))))
    MatchResponse match(HttpRequest<?> request, @Body MatchRequest body) {
        ApiClient client = client(request, ApiKeyScope.MATCH);
        return new MatchResponse(screenings.match(client, body.queries()));
    }

    @Post("/batches")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Queue a CSV batch of up to 10,000 names (scope BATCHES): the body is the file", description = """
            UTF-8 CSV with a header row: ref,name,type and optionally country,licenceNumber. A bad file is refused \
            whole with 400 and one error per bad row (field row[N].column; the header is row 1). Answers 202 \
            {batchId}; poll GET /batches/{id}. Multipart with a part named file works too.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "text/csv",
                    examples = @ExampleObject(value = "ref,name,type,country,licenceNumber\n"
                            + "emp-1,Blue Water Manpower Pvt Ltd,AGENCY,NP,RA-2024-00012\nemp-2,Mohd Rahman,PERSON,,\n"))))
    HttpResponse<Queued> submitCsv(HttpRequest<?> request, @Body byte[] content) {
        return queued(batches.submit(client(request, ApiKeyScope.BATCHES), null, content));
    }

    @Post("/batches")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Queue a CSV batch uploaded as multipart (part file); otherwise as the text/csv call")
    HttpResponse<Queued> submitMultipart(HttpRequest<?> request, @Part("file") @Nullable CompletedFileUpload file) {
        ApiClient client = client(request, ApiKeyScope.BATCHES);
        try {
            return queued(batches.submit(client, file == null ? null : file.getFilename(), file == null ? null : file.getBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get("/batches/{id}")
    @Operation(summary = "A batch's progress (QUEUED, RUNNING, DONE with rowsDone of rowsTotal), and when done its counts, "
            + "the SHA-256 of its results file and the links to the results CSV and the signed summary PDF",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(value = """
                    {"batchId": 7, "status": "RUNNING", "rowsTotal": 10000, "rowsDone": 4200, "matches": null,
                     "possibles": null, "noMatches": null, "resultsSha256": null, "createdAt": "2026-12-01T09:00:00Z",
                     "finishedAt": null, "resultsUrl": null, "summaryUrl": null}"""))))
    BatchStatus batch(HttpRequest<?> request, @PathVariable long id) {
        return batches.status(client(request, ApiKeyScope.BATCHES), id);
    }

    @Get("/batches/{id}/results.csv")
    @Produces({CSV, MediaType.ALL})
    @Operation(summary = "The results of a finished batch: one row per query and candidate, and a row with verdict NONE "
            + "(explanation \"no match\") for a query without candidates; 409 while the batch runs",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", examples = @ExampleObject(value = """
                    ref,name,type,country,licenceNumber,candidateId,candidateType,candidateName,matchedName,score,verdict,explanation,licenceStatus,blacklisted
                    emp-1,Blue Water Manpower Pvt Ltd,AGENCY,NP,,agency-12,AGENCY,Blue Water Manpower Pvt. Ltd.,Blue Water Manpower Pvt. Ltd.,1.0,MATCH,exact match,ACTIVE,false
                    emp-2,Mohd Rahman,PERSON,,,,,,,,NONE,no match,,"""))))
    HttpResponse<InputStream> results(HttpRequest<?> request, @PathVariable long id) {
        // Streamed from the database a page at a time: a 10,000-name file is about 25 MB.
        InputStream csv = batches.results(client(request, ApiKeyScope.BATCHES), id);
        return HttpResponse.ok(csv).contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"screening-batch-" + id + ".csv\"");
    }

    @Get("/batches/{id}/summary.pdf")
    @Produces({"application/pdf", MediaType.ALL})
    @Operation(summary = "The signed summary of a finished batch as PDF (in the language of ?lang= or Accept-Language): "
            + "counts, the SHA-256 of the results file and a verification code that /screening/verify/{code} confirms")
    HttpResponse<byte[]> summary(HttpRequest<?> request, @PathVariable long id) {
        byte[] pdf = summaries.pdf(client(request, ApiKeyScope.BATCHES), id, languages.resolve(request));
        return HttpResponse.ok(pdf).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"screening-batch-" + id + "-summary.pdf\"");
    }

    @Post("/watches")
    @Operation(summary = "Watch an agency (scope WATCHES) by agencyId (agency-12) or licenceNumber, notifying email "
            + "and/or webhookUrl (https) on any change of its licence status, validity or blacklisting", description = """
            Answers 201 {id, agencyId, secret}: secret (whsec_...) signs the webhooks and is shown only here. \
            Deliveries follow Standard Webhooks: headers webhook-id, webhook-timestamp and webhook-signature \
            "v1,<base64 HMAC-SHA256 of id.timestamp.body>" keyed with the base64-decoded part of the secret after whsec_. \
            Failed deliveries are retried with backoff for about three days; an answer 410 disables the webhook. \
            Webhook URLs that resolve to loopback, private or link-local addresses are refused.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(value = """
                    {"licenceNumber": "RA-2024-00012", "email": "compliance@employer.example", "webhookUrl": "https://hooks.employer.example/registry"}"""))),
            responses = @ApiResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(value = """
                    {"id": 3, "agencyId": "agency-12", "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}"""))))
    HttpResponse<Watches.Created> watch(HttpRequest<?> request, @Body Watches.WatchRequest body) {
        Watches.Created created = watches.create(client(request, ApiKeyScope.WATCHES), body, languages.resolve(request));
        return HttpResponse.created(created, URI.create("/api/v1/screening/watches/" + created.id()));
    }

    @Get("/watches")
    @Operation(summary = "This key's watches, each with the agency state last notified")
    List<Watch> watches(HttpRequest<?> request) {
        return watches.list(client(request, ApiKeyScope.WATCHES));
    }

    @Get("/watches/{id}")
    @Operation(summary = "One watch")
    Watch watch(HttpRequest<?> request, @PathVariable long id) {
        return watches.get(client(request, ApiKeyScope.WATCHES), id);
    }

    @Delete("/watches/{id}")
    @Operation(summary = "End a watch")
    HttpResponse<?> unwatch(HttpRequest<?> request, @PathVariable long id) {
        watches.delete(client(request, ApiKeyScope.WATCHES), id);
        return HttpResponse.noContent();
    }

    @Get("/watches/{id}/deliveries")
    @Operation(summary = "The watch's webhook delivery log, newest first: each delivery (webhook-id, event, status "
            + "PENDING, SENT or PARKED) with every attempt's HTTP status or error")
    List<Webhooks.Delivery> deliveries(HttpRequest<?> request, @PathVariable long id) {
        return watches.deliveries(client(request, ApiKeyScope.WATCHES), id);
    }

    @Post("/watches/{id}/test")
    @Operation(summary = "Send a signed test event (type watch.test) to the watch's webhook; 202 with its webhook-id")
    HttpResponse<TestQueued> test(HttpRequest<?> request, @PathVariable long id) {
        return HttpResponse.accepted().body(new TestQueued(watches.sendTest(client(request, ApiKeyScope.WATCHES), id)));
    }

    @Get("/changes")
    @Operation(summary = "Agencies and listings changed since a point, to re-screen only those (any scope)", description = """
            since: an ISO time (2026-12-01T00:00:00Z) or the cursor of a previous answer; size: at most 1,000 \
            changes per page (default 1,000). Each entity appears once per page with its latest change; continue \
            with since=cursor while more is true.""",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(value = """
                    {"changes": [{"id": "agency-12", "kind": "AGENCY", "changedAt": "2026-12-01T08:15:02Z", "url": "/agencies/12"},
                                 {"id": "blacklist-4", "kind": "LISTING", "changedAt": "2026-12-01T08:20:40Z", "url": "/blacklist#entry-4"}],
                     "cursor": "c5120", "more": false}"""))))
    ScreeningChanges.Page changes(HttpRequest<?> request, @QueryValue @Nullable String since,
                                  @QueryValue @Nullable Integer size) {
        client(request, null);
        return changes.since(since, size);
    }

    private ApiClient client(HttpRequest<?> request, @Nullable ApiKeyScope scope) {
        return keys.authorize(request.getHeaders().get(KEY_HEADER), scope);
    }

    private static HttpResponse<Queued> queued(long id) {
        return HttpResponse.accepted(URI.create("/api/v1/screening/batches/" + id)).body(new Queued(id));
    }
}
