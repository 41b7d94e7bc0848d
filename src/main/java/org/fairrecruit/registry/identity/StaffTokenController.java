package org.fairrecruit.registry.identity;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.fairrecruit.registry.kernel.RegistryException;

/** Bearer tokens for the staff API, under the same throttling as the sign-in form; each is a session. */
@Controller("/api/v1/staff/tokens")
@Tag(name = "Staff")
class StaffTokenController {
    private final IdentityService identity;
    private final SessionCookies sessions;
    private final ClientAddress clients;

    StaffTokenController(IdentityService identity, SessionCookies sessions, ClientAddress clients) {
        this.identity = identity;
        this.sessions = sessions;
        this.clients = clients;
    }

    @Post
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Exchange staff credentials for a bearer token (401 for any refusal, whatever its reason)")
    HttpResponse<TokenResponse> issue(HttpRequest<?> request, @Body @Valid TokenRequest body) {
        LoginOutcome outcome = identity.login(body.username(), body.password(), clients.of(request));
        if (outcome instanceof LoginOutcome.Success success) {
            return HttpResponse.ok(new TokenResponse(sessions.token(success.authentication()), "Bearer",
                    sessions.lifetime().toSeconds()));
        }
        throw new RegistryException.Unauthorized("login.invalid");
    }

    @Delete("/current")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "End the session of the token this request carries (on every replica)")
    HttpResponse<?> revoke(Authentication user) {
        identity.signOut(user.getName(), SessionCookies.sessionId(user));
        return HttpResponse.noContent();
    }

    @Serdeable
    record TokenRequest(@NotBlank String username, @NotBlank String password) {
    }

    @Serdeable
    record TokenResponse(String accessToken, String tokenType, long expiresIn) {
    }
}
