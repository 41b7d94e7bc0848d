package org.fairrecruit.registry.identity;

import org.fairrecruit.registry.kernel.Roles;

import io.micronaut.core.annotation.Nullable;
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
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.web.FormInput;
import org.fairrecruit.registry.web.FormSubmissions;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** ADMIN page: issue a key (shown once on the answer page), see usage, revoke. */
@Produces(MediaType.TEXT_HTML)
@Controller("/admin/api-keys")
@Secured(Roles.ADMIN)
@Hidden
class ApiKeyAdminController {
    private static final String VIEW = "identity/api-keys";
    private static final String FORM = "new-key";
    private final ApiKeys keys;
    private final FormSubmissions submissions;

    ApiKeyAdminController(ApiKeys keys, FormSubmissions submissions) {
        this.keys = keys;
        this.submissions = submissions;
    }

    @Get
    @View(VIEW)
    Map<String, Object> list() {
        return model(null, null);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> issue(Authentication actor, @Body Map<String, Object> body) {
        FormInput form = FormInput.withLists(FORM, body);
        try {
            ApiKeys.IssuedKey issued = submissions.get(form, () -> keys.issue(actor.getName(), new ApiKeys.KeyRequest(
                    form.text("organisation"), form.text("contactEmail"),
                    form.list("scopes").isEmpty() ? List.of("") : form.list("scopes"), form.integer("requestsPerMinute"))));
            return HttpResponse.ok(new ModelAndView<>(VIEW, model(null, issued)));
        } catch (InvalidInput invalid) {
            return HttpResponse.badRequest(new ModelAndView<>(VIEW, model(form.failed(invalid), null)));
        }
    }

    @Post("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revoke(Authentication actor, @PathVariable long id) {
        keys.revoke(actor.getName(), id);
        return HttpResponse.seeOther(URI.create("/admin/api-keys"));
    }

    private Map<String, Object> model(@Nullable FormInput.Failed failed, @Nullable ApiKeys.IssuedKey issued) {
        Map<String, Object> model = new HashMap<>();
        model.put("keys", keys.all());
        model.put("allScopes", ApiKeyScope.values());
        model.put("failed", failed);
        // A new key form offers every scope.
        model.put("defaults", Map.of("scopes", Arrays.stream(ApiKeyScope.values()).map(Enum::name)
                .collect(Collectors.joining(","))));
        model.put("issued", issued);
        return model;
    }
}
