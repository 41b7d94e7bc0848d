package org.fairrecruit.registry.identity;

import io.micronaut.http.HttpStatus;
import org.fairrecruit.registry.kernel.RegistryException;

/** A key used faster than its rate: 429, and the client may try again after {@code retryAfterSeconds}. */
public final class ApiKeyRateLimited extends RegistryException {
    private final long retryAfterSeconds;

    ApiKeyRateLimited(long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "apikey.rateLimited", retryAfterSeconds);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
