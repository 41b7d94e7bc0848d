package org.fairrecruit.registry.identity;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.fairrecruit.registry.web.RegistryException;

/** Bearer tokens for the staff API, under the same lockout rules as the sign-in form. */
@Controller("/api/v1/staff/tokens")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Staff")
class StaffTokenController {
    private final IdentityService identity;
    private final SessionCookies sessions;

    StaffTokenController(IdentityService identity, SessionCookies sessions) {
        this.identity = identity;
        this.sessions = sessions;
    }

    @Post
    @Operation(summary = "Exchange staff credentials for a bearer token")
    HttpResponse<TokenResponse> issue(@Body @Valid TokenRequest request) {
        LoginOutcome outcome = identity.login(request.username(), request.password());
        if (outcome instanceof LoginOutcome.Success success) {
            return HttpResponse.ok(new TokenResponse(sessions.token(success.authentication()), "Bearer",
                    sessions.lifetime().toSeconds()));
        }
        throw new RegistryException.Unauthorized(outcome instanceof LoginOutcome.Locked ? "login.locked.api" : "login.invalid");
    }

    @Serdeable
    record TokenRequest(@NotBlank String username, @NotBlank String password) {
    }

    @Serdeable
    record TokenResponse(String accessToken, String tokenType, long expiresIn) {
    }
}
