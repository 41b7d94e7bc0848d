package org.fairrecruit.registry.complaint;

import org.fairrecruit.registry.kernel.RegistryException;

import java.util.Map;
import java.util.Set;

/** A case's lifecycle; the only place that says which moves are allowed. RESOLVED and REFERRED are final. */
public enum ComplaintStatus {
    RECEIVED, TRIAGED, UNDER_INVESTIGATION, RESOLVED, REFERRED;

    private static final Map<ComplaintStatus, Set<ComplaintStatus>> NEXT = Map.of(
            RECEIVED, Set.of(TRIAGED, RESOLVED, REFERRED),
            TRIAGED, Set.of(UNDER_INVESTIGATION, RESOLVED, REFERRED),
            UNDER_INVESTIGATION, Set.of(RESOLVED, REFERRED),
            RESOLVED, Set.of(),
            REFERRED, Set.of());

    /** Refused with 409 naming both statuses, e.g. "Case 7K4-M9Q-XR2 is RESOLVED; it cannot become TRIAGED". */
    ComplaintStatus to(ComplaintStatus target, String reference) {
        if (!NEXT.get(this).contains(target)) {
            throw new RegistryException.Conflict("complaint.error.transition", reference, name(), target.name());
        }
        return target;
    }

    boolean open() {
        return !NEXT.get(this).isEmpty();
    }
}
