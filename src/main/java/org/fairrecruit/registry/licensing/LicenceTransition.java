package org.fairrecruit.registry.licensing;

import java.util.EnumSet;
import java.util.Set;

import static org.fairrecruit.registry.licensing.LicenceStatus.ACTIVE;
import static org.fairrecruit.registry.licensing.LicenceStatus.EXPIRED;
import static org.fairrecruit.registry.licensing.LicenceStatus.PENDING;
import static org.fairrecruit.registry.licensing.LicenceStatus.REFUSED;
import static org.fairrecruit.registry.licensing.LicenceStatus.REVOKED;
import static org.fairrecruit.registry.licensing.LicenceStatus.SURRENDERED;
import static org.fairrecruit.registry.licensing.LicenceStatus.SUSPENDED;

/**
 * The licensing lifecycle as one state machine: every move a licence can make, from which
 * statuses, and who may make it. Nothing else changes a licence's status.
 */
public enum LicenceTransition {
    GRANT(EnumSet.of(PENDING), ACTIVE, Decider.OFFICER),
    REFUSE(EnumSet.of(PENDING), REFUSED, Decider.FOUR_EYES),
    SUSPEND(EnumSet.of(ACTIVE), SUSPENDED, Decider.FOUR_EYES),
    REINSTATE(EnumSet.of(SUSPENDED), ACTIVE, Decider.OFFICER),
    REVOKE(EnumSet.of(ACTIVE, SUSPENDED), REVOKED, Decider.FOUR_EYES),
    SURRENDER(EnumSet.of(ACTIVE), SURRENDERED, Decider.OFFICER),
    /** A renewal granted: same number, new validity. */
    RENEW(EnumSet.of(ACTIVE), ACTIVE, Decider.OFFICER),
    EXPIRE(EnumSet.of(ACTIVE), EXPIRED, Decider.SCHEDULE);

    /** Who makes the move: an officer alone, a proposer plus a different approving supervisor, or the expiry job. */
    public enum Decider { OFFICER, FOUR_EYES, SCHEDULE }

    private final Set<LicenceStatus> from;
    private final LicenceStatus to;
    private final Decider decider;

    LicenceTransition(Set<LicenceStatus> from, LicenceStatus to, Decider decider) {
        this.from = from;
        this.to = to;
        this.decider = decider;
    }

    public boolean allowedFrom(LicenceStatus status) {
        return from.contains(status);
    }

    public LicenceStatus to() {
        return to;
    }

    public Decider decider() {
        return decider;
    }

    public Set<LicenceStatus> from() {
        return Set.copyOf(from);
    }
}
