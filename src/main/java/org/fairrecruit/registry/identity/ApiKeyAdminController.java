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
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import org.fairrecruit.registry.kernel.InvalidInput;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** ADMIN page: issue a key (shown once on the answer page), see usage, revoke. */
@Produces(MediaType.TEXT_HTML)
@Controller("/admin/api-keys")
@Secured(Roles.ADMIN)
@Hidden
class ApiKeyAdminController {
    private static final String VIEW = "identity/api-keys";
    private final ApiKeys keys;

    ApiKeyAdminController(ApiKeys keys) {
        this.keys = keys;
    }

    @Serdeable
    record KeyForm(@Nullable String organisation, @Nullable String contactEmail, @Nullable List<String> scopes,
                   @Nullable String requestsPerMinute) {
    }

    @Get
    @View(VIEW)
    Map<String, Object> list() {
        return model(new KeyForm("", "", Arrays.stream(ApiKeyScope.values()).map(Enum::name).toList(), ""), Map.of(), null);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> issue(Authentication actor, @Body KeyForm form) {
        List<String> scopes = form.scopes() == null ? List.of() : form.scopes();
        try {
            ApiKeys.IssuedKey issued = keys.issue(actor.getName(), new ApiKeys.KeyRequest(form.organisation(),
                    form.contactEmail(), scopes.isEmpty() ? List.of("") : scopes, rate(form.requestsPerMinute())));
            return HttpResponse.ok(new ModelAndView<>(VIEW, model(new KeyForm("", "", scopes, ""), Map.of(), issued)));
        } catch (InvalidInput invalid) {
            return HttpResponse.badRequest(new ModelAndView<>(VIEW, model(form, invalid.byField(), null)));
        }
    }

    @Post("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revoke(Authentication actor, @PathVariable long id) {
        keys.revoke(actor.getName(), id);
        return HttpResponse.seeOther(URI.create("/admin/api-keys"));
    }

    /** A number, or a value the service refuses with its own message (0 is out of range). */
    private static Integer rate(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private Map<String, Object> model(KeyForm form, Map<String, InvalidInput.FieldError> errors,
                                      @Nullable ApiKeys.IssuedKey issued) {
        Map<String, Object> model = new HashMap<>();
        model.put("keys", keys.all());
        model.put("allScopes", ApiKeyScope.values());
        model.put("form", form);
        model.put("errors", errors);
        model.put("issued", issued);
        return model;
    }
}
