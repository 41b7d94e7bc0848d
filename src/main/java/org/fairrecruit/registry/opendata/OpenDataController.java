package org.fairrecruit.registry.opendata;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The open data files and the page that explains them. Public. Every file carries an ETag and
 * Last-Modified taken from the change feed, and a conditional request is answered with 304
 * without rendering the file, so mirrors can poll often. Any Accept header gets the file: a file
 * has one format, named by its extension.
 */
@Controller("/opendata")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Open data", description = "The licence register and the blacklist as files; see /opendata for the fields")
class OpenDataController {
    private static final String CSV = "text/csv; charset=utf-8";
    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";
    private static final String ATOM = "application/atom+xml; charset=utf-8";
    private static final DateTimeFormatter LAST_CHANGE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private final OpenDataFiles files;
    private final OpenDataSettings settings;

    OpenDataController(OpenDataFiles files, OpenDataSettings settings) {
        this.files = files;
        this.settings = settings;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    @View("opendata/index")
    @Hidden
    Map<String, Object> page() {
        Map<String, Object> model = new HashMap<>();
        model.put("lastModified", LAST_CHANGE.format(files.version().lastModified()));
        model.put("settings", settings);
        model.put("licenceFields", OpenDataRecords.LICENCE_FIELDS);
        model.put("listingFields", OpenDataRecords.LISTING_FIELDS);
        return model;
    }

    @Get("/licences.csv")
    @Produces({CSV, MediaType.ALL})
    @Operation(summary = "Licence register as CSV: every licence ever issued a number, with its agency")
    HttpResponse<?> licencesCsv(HttpRequest<?> request) {
        return serve(request, CSV, files::licencesCsv);
    }

    @Get("/licences.json")
    @Produces({JSON, MediaType.ALL})
    @Operation(summary = "Licence register as JSON: {generatedAt, publisher, dataLicence, licences:[…]}")
    HttpResponse<?> licencesJson(HttpRequest<?> request) {
        return serve(request, JSON, files::licencesJson);
    }

    @Get("/blacklist.csv")
    @Produces({CSV, MediaType.ALL})
    @Operation(summary = "Current blacklist listings as CSV (identity documents masked)")
    HttpResponse<?> blacklistCsv(HttpRequest<?> request) {
        return serve(request, CSV, files::blacklistCsv);
    }

    @Get("/blacklist.json")
    @Produces({JSON, MediaType.ALL})
    @Operation(summary = "Current blacklist listings as JSON: {generatedAt, publisher, dataLicence, listings:[…]}")
    HttpResponse<?> blacklistJson(HttpRequest<?> request) {
        return serve(request, JSON, files::blacklistJson);
    }

    @Get("/blacklist.ftm.json")
    @Produces({NDJSON, MediaType.ALL})
    @Operation(summary = "Current blacklist as FollowTheMoney entities (Person, Company, Sanction), one JSON object per line")
    HttpResponse<?> blacklistFollowTheMoney(HttpRequest<?> request) {
        return serve(request, NDJSON, files::blacklistFollowTheMoney);
    }

    @Get("/changes.atom")
    @Produces({ATOM, MediaType.ALL})
    @Operation(summary = "Atom 1.0 feed of the newest changes to agencies, licences and blacklist listings")
    HttpResponse<?> changes(HttpRequest<?> request) {
        return serve(request, ATOM, files::changesAtom);
    }

    private HttpResponse<?> serve(HttpRequest<?> request, String contentType, Supplier<byte[]> render) {
        // Read the version before the content: if a change commits in between, the file is newer
        // than its ETag says and the next poll downloads it again, never the other way round.
        FileVersion version = files.version();
        MutableHttpResponse<?> response = version.notModified(request)
                ? HttpResponse.notModified() : HttpResponse.ok(render.get()).contentType(contentType);
        return version.describe(response)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + settings.maxAge().toSeconds());
    }
}
