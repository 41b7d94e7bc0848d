package org.fairrecruit.registry.portal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * What the registry tells the public about an agency or person, in one word. The only place that
 * turns a licence status (and a blacklisting) into the verdict a worker reads: the wording lives in
 * the messages as {@code standing.<NAME>}, the colour in {@link #tone()}.
 */
@Serdeable
enum Standing {
    LICENSED, SUSPENDED, REVOKED, EXPIRED, SURRENDERED, PENDING, REFUSED, NOT_LICENSED, BLACKLISTED;

    enum Tone { GOOD, BAD, WARNING }

    /**
     * Blacklisting outranks any licence (a blacklisted agency cannot hold an active licence). An
     * ACTIVE licence past its validity reads as expired even before the nightly expiry job ran.
     */
    static Standing of(@Nullable String licenceStatus, @Nullable LocalDate validUntil, boolean blacklisted, LocalDate today) {
        if (blacklisted) {
            return BLACKLISTED;
        }
        if (licenceStatus == null) {
            return NOT_LICENSED;
        }
        return switch (licenceStatus) {
            case "ACTIVE" -> validUntil != null && validUntil.isBefore(today) ? EXPIRED : LICENSED;
            case "SUSPENDED" -> SUSPENDED;
            case "REVOKED" -> REVOKED;
            case "EXPIRED" -> EXPIRED;
            case "SURRENDERED" -> SURRENDERED;
            case "PENDING" -> PENDING;
            case "REFUSED" -> REFUSED;
            default -> NOT_LICENSED;
        };
    }

    /** Only a licensed agency may recruit; everything else means: do not pay. */
    boolean mayRecruit() {
        return this == LICENSED;
    }

    Tone tone() {
        return switch (this) {
            case LICENSED -> Tone.GOOD;
            case PENDING -> Tone.WARNING;
            default -> Tone.BAD;
        };
    }

    String messageKey() {
        return "standing." + name();
    }

    /** What to do now, short and concrete; a listed person is not an agency and has no licence to check. */
    String nextStepKey(boolean person) {
        return person ? "next.person." + name() : "next." + name();
    }
}
