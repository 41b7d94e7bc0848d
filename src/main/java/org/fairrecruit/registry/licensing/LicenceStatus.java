package org.fairrecruit.registry.licensing;

/** A licence's standing. Only {@link #ACTIVE} means the agency may recruit. */
public enum LicenceStatus {
    PENDING, ACTIVE, SUSPENDED, REVOKED, EXPIRED, SURRENDERED, REFUSED;

    public boolean mayRecruit() {
        return this == ACTIVE;
    }

    /** An agency holds at most one licence that is pending, active or suspended. */
    public boolean holdsOrAwaits() {
        return this == PENDING || this == ACTIVE || this == SUSPENDED;
    }
}
