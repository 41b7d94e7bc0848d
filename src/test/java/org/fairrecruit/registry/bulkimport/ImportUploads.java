package org.fairrecruit.registry.bulkimport;

import io.micronaut.security.authentication.Authentication;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.WebClient;

import static org.fairrecruit.registry.support.Eventually.eventually;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/** Uploads through the real page (multipart, CSRF token as a form field), waits for the worker, approves. */
public final class ImportUploads {
    private ImportUploads() {
    }

    static HttpResponse<String> upload(WebClient admin, String path, String kind, String fileName, String csv) {
        String boundary = "----registry" + UUID.randomUUID();
        String token = admin.csrfToken().orElse("");
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return admin.send(HttpRequest.newBuilder(admin.uri(path))
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

    /** Waits until no replica works on the job: checked (refused or awaiting approval), or applied. */
    public static ImportJob awaitEnd(ImportJobs jobs, long id) throws InterruptedException {
        return eventually("import " + id + " to end", Duration.ofSeconds(120), () -> jobs.find(id), job -> !job.running());
    }

    /** Waits for the check, then approves the import as a supervisor who did not upload it; returns its id. */
    public static long approved(FourEyes fourEyes, ImportJobs jobs, long id) throws InterruptedException {
        ImportJob checked = awaitEnd(jobs, id);
        if (checked.status() != ImportJob.Status.AWAITING_APPROVAL) {
            throw new AssertionError("import " + id + " cannot be approved: " + checked);
        }
        Proposal proposal = fourEyes.forSubject(ImportDecisions.SUBJECT, id).get(0);
        fourEyes.approve(Authentication.build("import-approver", Set.of(Roles.SUPERVISOR)), proposal.id(), proposal.version());
        return id;
    }
}
