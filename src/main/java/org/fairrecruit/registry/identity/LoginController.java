package org.fairrecruit.registry.identity;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** The staff sign-in form. A locked account is told until when; a wrong password is not told which part was wrong. */
@Produces(MediaType.TEXT_HTML)
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class LoginController {
    private final IdentityService identity;
    private final SessionCookies sessions;

    LoginController(IdentityService identity, SessionCookies sessions) {
        this.identity = identity;
        this.sessions = sessions;
    }

    @Get("/login")
    @View("identity/login")
    Map<String, Object> form() {
        return new HashMap<>(Map.of("username", ""));
    }

    @Post("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> login(@Body LoginForm form) {
        LoginOutcome outcome = identity.login(form.username(), form.password() == null ? "" : form.password());
        if (outcome instanceof LoginOutcome.Success success) {
            return HttpResponse.seeOther(URI.create("/staff")).cookie(sessions.sessionCookie(success.authentication()));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("username", form.username() == null ? "" : form.username());
        if (outcome instanceof LoginOutcome.Locked locked) {
            model.put("error", "login.locked");
            model.put("lockedUntil", locked.until());
        } else {
            model.put("error", "login.invalid");
        }
        return HttpResponse.unauthorized().body(new io.micronaut.views.ModelAndView<>("identity/login", model));
    }

    @Post("/logout")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> logout() {
        return HttpResponse.seeOther(URI.create("/login")).cookie(sessions.expiredCookie());
    }

    @Serdeable
    record LoginForm(String username, String password) {
    }
}
