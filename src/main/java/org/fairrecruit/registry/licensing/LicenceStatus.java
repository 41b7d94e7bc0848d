package org.fairrecruit.registry.licensing;

import java.util.Arrays;
import java.util.List;

/** A licence's standing. Only {@link #ACTIVE} means the agency may recruit. */
public enum LicenceStatus {
    PENDING, ACTIVE, SUSPENDED, REVOKED, EXPIRED, SURRENDERED, REFUSED;

    public boolean mayRecruit() {
        return this == ACTIVE;
    }

    /** Granted and not ended: what a blacklisted agency may not hold. */
    public boolean inForce() {
        return this == ACTIVE || this == SUSPENDED;
    }

    /** A licence gets its number when it is granted; an application never granted has none. */
    public boolean numbered() {
        return this != PENDING && this != REFUSED;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }

    /** An agency holds at most one licence that is pending, active or suspended. */
    public boolean holdsOrAwaits() {
        return this == PENDING || this == ACTIVE || this == SUSPENDED;
    }
}
