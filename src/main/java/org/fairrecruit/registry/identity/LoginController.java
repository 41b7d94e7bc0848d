package org.fairrecruit.registry.identity;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** The staff sign-in form, logout and "sign out everywhere". A refusal never says why. */
@Produces(MediaType.TEXT_HTML)
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class LoginController {
    private final IdentityService identity;
    private final SessionCookies sessions;
    private final ClientAddress clients;

    LoginController(IdentityService identity, SessionCookies sessions, ClientAddress clients) {
        this.identity = identity;
        this.sessions = sessions;
        this.clients = clients;
    }

    @Get("/login")
    @View("identity/login")
    Map<String, Object> form() {
        return new HashMap<>(Map.of("username", ""));
    }

    @Post("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> login(HttpRequest<?> request, @Body LoginForm form) {
        LoginOutcome outcome = identity.login(form.username(), form.password() == null ? "" : form.password(),
                clients.of(request));
        if (outcome instanceof LoginOutcome.Success success) {
            return HttpResponse.seeOther(URI.create("/staff")).cookie(sessions.sessionCookie(success.authentication()));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("username", form.username() == null ? "" : form.username());
        model.put("error", "login.invalid");
        return HttpResponse.unauthorized().body(new ModelAndView<>("identity/login", model));
    }

    @Post("/logout")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> logout(Authentication user) {
        identity.signOut(user.getName(), SessionCookies.sessionId(user));
        return HttpResponse.seeOther(URI.create("/login")).cookie(sessions.expiredCookie());
    }

    @Post("/logout/everywhere")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> logoutEverywhere(Authentication user) {
        identity.signOutEverywhere(user.getName());
        return HttpResponse.seeOther(URI.create("/login")).cookie(sessions.expiredCookie());
    }

    @Serdeable
    record LoginForm(String username, String password) {
    }
}
