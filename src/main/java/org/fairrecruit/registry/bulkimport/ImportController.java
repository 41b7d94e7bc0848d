package org.fairrecruit.registry.bulkimport;

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
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.web.CsrfInMultipartBody;
import org.fairrecruit.registry.web.CsrfProtection;
import org.fairrecruit.registry.kernel.InvalidInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * ADMIN back-office page to upload a CSV of agencies, licences or blacklist listings, and to follow
 * each import. The job page refreshes itself (a Refresh header, no script) until the import ends.
 */
@Produces(MediaType.TEXT_HTML)
@Controller("/admin/imports")
@Secured(Roles.ADMIN)
@Hidden
class ImportController {
    private static final String REFRESH_SECONDS = "2";
    private final ImportJobs jobs;

    ImportController(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @Get
    ModelAndView<Map<String, Object>> list() {
        return page(null, Map.of());
    }

    @Post
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @CsrfInMultipartBody
    HttpResponse<?> upload(HttpRequest<?> request, Authentication actor, @Part("_csrf") @Nullable String csrf,
                           @Part("kind") @Nullable String kind, @Part("file") @Nullable CompletedFileUpload file) {
        CsrfProtection.requireMultipartToken(request, csrf);
        try {
            long id = jobs.submit(actor.getName(), kind, file == null ? null : file.getFilename(), bytes(file));
            return HttpResponse.seeOther(URI.create("/admin/imports/" + id));
        } catch (InvalidInput invalid) {
            Map<String, InvalidInput.FieldError> errors = new HashMap<>();
            invalid.errors().forEach(e -> errors.put(e.field(), e));
            return HttpResponse.badRequest(page(kind, errors));
        }
    }

    @Get("/{id}")
    @Secured({Roles.ADMIN, Roles.SUPERVISOR, Roles.AUDITOR})
    HttpResponse<?> show(@PathVariable long id) {
        ImportJob job = jobs.find(id);
        var response = HttpResponse.ok(new ModelAndView<>("bulkimport/job", new HashMap<>(Map.of("job", job))));
        return job.running() ? response.header("Refresh", REFRESH_SECONDS) : response;
    }

    private ModelAndView<Map<String, Object>> page(@Nullable String kind, Map<String, InvalidInput.FieldError> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("jobs", jobs.recent(20));
        model.put("kinds", Arrays.asList(ImportKind.values()));
        model.put("kind", kind);
        model.put("errors", errors);
        return new ModelAndView<>("bulkimport/imports", model);
    }

    static byte[] bytes(@Nullable CompletedFileUpload file) {
        try {
            return file == null ? null : file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
