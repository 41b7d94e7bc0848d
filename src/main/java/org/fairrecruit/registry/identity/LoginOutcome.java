package org.fairrecruit.registry.identity;

import io.micronaut.security.authentication.Authentication;

/** A sign-in attempt either opens a session or is refused, with one answer for every reason. */
public sealed interface LoginOutcome {
    record Success(Authentication authentication) implements LoginOutcome {
    }

    record Refused() implements LoginOutcome {
    }
}
