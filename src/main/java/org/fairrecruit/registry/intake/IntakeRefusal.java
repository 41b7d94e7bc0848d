package org.fairrecruit.registry.intake;

import io.micronaut.http.HttpStatus;
import org.fairrecruit.registry.kernel.RegistryException;

/** Refusals of the public intake channel; a throttled one says how long to wait. */
final class IntakeRefusal extends RegistryException {
    private final long retryAfterSeconds;

    private IntakeRefusal(HttpStatus status, long retryAfterSeconds, String messageKey, Object... args) {
        super(status, messageKey, args);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The same answer for an unknown reference and a wrong code, so neither tells whether the other exists. */
    static IntakeRefusal notRecognised() {
        return new IntakeRefusal(HttpStatus.NOT_FOUND, 0, "intake.error.notRecognised");
    }

    static IntakeRefusal waitFor(long seconds) {
        long minutes = Math.max(1, (seconds + 59) / 60);
        return new IntakeRefusal(HttpStatus.TOO_MANY_REQUESTS, Math.max(1, seconds), "intake.error.wait", minutes);
    }

    static IntakeRefusal tooManyReports() {
        return new IntakeRefusal(HttpStatus.TOO_MANY_REQUESTS, 3600, "intake.error.tooManyReports");
    }

    static IntakeRefusal keyReused() {
        return new IntakeRefusal(HttpStatus.UNPROCESSABLE_ENTITY, 0, "intake.error.idempotencyReused");
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
