package org.fairrecruit.registry.bulkimport;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.web.Languages;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The import page's API twin, for scripts: upload a CSV, then poll the job until it has ended. */
@Controller("/api/v1/staff/imports")
@Secured(Roles.ADMIN)
@Tag(name = "Staff")
class ImportApiController {
    private final ImportJobs jobs;
    private final MessageSource messages;
    private final Languages languages;

    ImportApiController(ImportJobs jobs, MessageSource messages, Languages languages) {
        this.jobs = jobs;
        this.messages = messages;
        this.languages = languages;
    }

    @Post
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Queue a CSV import (multipart: kind = AGENCIES, LICENCES or BLACKLIST; file); answers 202 "
            + "with the job, whose URL to poll is in Location. Columns are listed in the README and on /admin/imports.")
    HttpResponse<ImportStatus> submit(HttpRequest<?> request, Authentication actor, @Part("kind") @Nullable String kind,
                                      @Part("file") @Nullable CompletedFileUpload file) {
        long id = jobs.submit(actor.getName(), kind, file == null ? null : file.getFilename(), ImportController.bytes(file));
        return HttpResponse.accepted(URI.create("/api/v1/staff/imports/" + id)).body(status(jobs.find(id), request));
    }

    @Get("/{id}")
    @Secured({Roles.ADMIN, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "An import's status (QUEUED, DONE, REJECTED, FAILED), progress, and its refused rows "
            + "(row numbers count the header as row 1; at most the first 1,000 of errorCount)")
    ImportStatus show(HttpRequest<?> request, @PathVariable long id) {
        return status(jobs.find(id), request);
    }

    private ImportStatus status(ImportJob job, HttpRequest<?> request) {
        Locale locale = languages.resolve(request);
        List<ImportStatus.Error> errors = job.errors().stream().map(e -> new ImportStatus.Error(e.row(), e.field(),
                messages.getMessage(e.messageKey(), locale, e.args().toArray()).orElse(e.messageKey()))).toList();
        return new ImportStatus(job.id(), job.kind(), job.fileName(), job.status(), job.phase(), job.rowsDone(),
                job.rowsTotal(), job.errorCount(), errors, job.createdAt(), job.finishedAt());
    }

    @Serdeable
    record ImportStatus(long id, ImportKind kind, String fileName, ImportJob.Status status, String phase, int rowsDone,
                        Integer rowsTotal, int errorCount, List<Error> errors, Instant createdAt, Instant finishedAt) {
        @Serdeable
        record Error(int row, String field, String message) {
        }
    }
}
