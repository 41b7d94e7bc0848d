package org.fairrecruit.registry.bulkimport;

import org.fairrecruit.registry.support.WebClient;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Uploads through the real page (multipart, CSRF token in the query string) and waits for the worker. */
public final class ImportUploads {
    private ImportUploads() {
    }

    static HttpResponse<String> upload(WebClient admin, String path, String kind, String fileName, String csv) {
        String boundary = "----registry" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        String token = admin.csrfToken().map(t -> URLEncoder.encode(t, StandardCharsets.UTF_8)).orElse("");
        return admin.send(HttpRequest.newBuilder(admin.uri(path + "?_csrf=" + token))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** Uploads on the page and returns the job id from the redirect to its page. */
    public static long submit(WebClient admin, ImportKind kind, String csv) {
        HttpResponse<String> response = upload(admin, "/admin/imports", kind.name(), kind.name().toLowerCase() + ".csv", csv);
        if (response.statusCode() != 303) {
            throw new AssertionError("upload refused: " + response.statusCode() + " " + response.body());
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    static ImportJob awaitEnd(ImportJobs jobs, long id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        ImportJob job = jobs.find(id);
        while (!job.finished()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("import " + id + " did not end: " + job);
            }
            Thread.sleep(100);
            job = jobs.find(id);
        }
        return job;
    }
}
