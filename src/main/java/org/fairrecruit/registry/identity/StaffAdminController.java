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
import io.micronaut.views.ModelAndView;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.web.FormInput;
import org.fairrecruit.registry.web.FormSubmissions;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** ADMIN page to create staff accounts, change their roles, disable and unlock them. */
@Produces(MediaType.TEXT_HTML)
@Controller("/admin/users")
@Secured(Roles.ADMIN)
@Hidden
class StaffAdminController {
    private static final String VIEW = "identity/users";
    private static final String NEW_USER = "new-user";
    private final IdentityService identity;
    private final FormSubmissions submissions;

    StaffAdminController(IdentityService identity, FormSubmissions submissions) {
        this.identity = identity;
        this.submissions = submissions;
    }

    @Get
    @View(VIEW)
    Map<String, Object> list() {
        return model(null);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(Authentication actor, @Body Map<String, Object> body) {
        FormInput form = FormInput.withLists(NEW_USER, body);
        try {
            identity.create(actor.getName(), new NewStaffUser(form.text("username"), form.text("displayName"),
                    form.text("email"), form.text("password"), roles(form)));
            return HttpResponse.seeOther(URI.create("/admin/users"));
        } catch (InvalidInput invalid) {
            return refused(form, invalid);
        }
    }

    @Post("/{id}/access")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> changeAccess(Authentication actor, @PathVariable long id, @Body Map<String, Object> body) {
        FormInput form = FormInput.withLists("access-" + id, body);
        try {
            IdentityService.AccessChange change = submissions.get(form, () -> identity.changeAccess(actor.getName(), id,
                    version(form), roles(form), form.text("enabled") != null));
            return HttpResponse.seeOther(URI.create(change.proposed() ? "/staff/proposals" : "/admin/users"));
        } catch (InvalidInput invalid) {
            return refused(form, invalid);
        }
    }

    @Post("/{id}/unlock")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> unlock(Authentication actor, @PathVariable long id, @Body Map<String, Object> body) {
        FormInput form = FormInput.withLists("unlock-" + id, body);
        try {
            submissions.run(form, () -> identity.unlock(actor.getName(), id, version(form)));
            return HttpResponse.seeOther(URI.create("/admin/users"));
        } catch (InvalidInput invalid) {
            return refused(form, invalid);
        }
    }

    /** The page again with the refused form's input kept, a password never written back into the page. */
    private HttpResponse<?> refused(FormInput form, InvalidInput invalid) {
        FormInput.Failed failed = form.failed(invalid);
        Map<String, String> kept = new HashMap<>(failed.values());
        kept.remove("password");
        return HttpResponse.badRequest(new ModelAndView<>(VIEW, model(new FormInput.Failed(failed.form(), kept,
                failed.errors()))));
    }

    private Map<String, Object> model(FormInput.Failed failed) {
        Map<String, Object> model = new HashMap<>();
        model.put("users", identity.all());
        model.put("allRoles", Roles.ALL);
        model.put("failed", failed);
        return model;
    }

    private static long version(FormInput form) {
        Integer version = form.integer("version");
        return version == null ? -1 : version;
    }

    private static Set<String> roles(FormInput form) {
        return new LinkedHashSet<>(form.list("roles"));
    }
}
