package org.fairrecruit.registry.identity;

import org.fairrecruit.registry.kernel.Roles;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import org.fairrecruit.registry.kernel.InvalidInput;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** ADMIN page to create staff accounts, change their roles, disable and unlock them. */
@Produces(MediaType.TEXT_HTML)
@Controller("/admin/users")
@Secured(Roles.ADMIN)
@Hidden
class StaffAdminController {
    private final IdentityService identity;

    StaffAdminController(IdentityService identity) {
        this.identity = identity;
    }

    @Get
    @View("identity/users")
    Map<String, Object> list() {
        return model(new UserForm("", "", "", "", List.of()), Map.of());
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(Authentication actor, @Body UserForm form) {
        try {
            identity.create(actor.getName(), new NewStaffUser(form.username(), form.displayName(), form.email(),
                    form.password(), roles(form.roles())));
            return HttpResponse.seeOther(URI.create("/admin/users"));
        } catch (InvalidInput invalid) {
            Map<String, InvalidInput.FieldError> errors = new HashMap<>();
            invalid.errors().forEach(e -> errors.put(e.field(), e));
            return HttpResponse.badRequest(new ModelAndView<>("identity/users",
                    model(new UserForm(form.username(), form.displayName(), form.email(), "", form.roles()), errors)));
        }
    }

    @Post("/{id}/access")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> changeAccess(Authentication actor, @PathVariable long id, @Body AccessForm form) {
        IdentityService.AccessChange change = identity.changeAccess(actor.getName(), id, form.version(),
                roles(form.roles()), form.enabled() != null);
        return HttpResponse.seeOther(URI.create(change.proposed() ? "/staff/proposals" : "/admin/users"));
    }

    @Post("/{id}/unlock")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> unlock(Authentication actor, @PathVariable long id, @Body AccessForm form) {
        identity.unlock(actor.getName(), id, form.version());
        return HttpResponse.seeOther(URI.create("/admin/users"));
    }

    private Map<String, Object> model(UserForm form, Map<String, InvalidInput.FieldError> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("users", identity.all());
        model.put("allRoles", Roles.ALL);
        model.put("form", form);
        model.put("errors", errors);
        return model;
    }

    private static Set<String> roles(List<String> roles) {
        return roles == null ? Set.of() : new LinkedHashSet<>(roles);
    }

    @Serdeable
    record UserForm(String username, String displayName, String email, String password, List<String> roles) {
    }

    @Serdeable
    record AccessForm(long version, List<String> roles, String enabled) {
    }
}
