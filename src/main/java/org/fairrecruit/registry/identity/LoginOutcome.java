package org.fairrecruit.registry.identity;

import io.micronaut.security.authentication.Authentication;

import java.time.Instant;

/** The three ways a login attempt can end. */
public sealed interface LoginOutcome {
    record Success(Authentication authentication) implements LoginOutcome {
    }

    record InvalidCredentials() implements LoginOutcome {
    }

    record Locked(Instant until) implements LoginOutcome {
    }
}
