package org.fairrecruit.registry.complaint;

import org.fairrecruit.registry.kernel.RegistryException;

import java.util.Set;

/**
 * How a case ends, and the status it ends in. A finding either way needs an investigation;
 * a complainant may withdraw, and a case may be referred, at any stage.
 */
public enum Outcome {
    SUBSTANTIATED(ComplaintStatus.RESOLVED, Set.of(ComplaintStatus.UNDER_INVESTIGATION)),
    UNSUBSTANTIATED(ComplaintStatus.RESOLVED, Set.of(ComplaintStatus.UNDER_INVESTIGATION)),
    WITHDRAWN(ComplaintStatus.RESOLVED, Set.of(ComplaintStatus.RECEIVED, ComplaintStatus.TRIAGED,
            ComplaintStatus.UNDER_INVESTIGATION)),
    REFERRED(ComplaintStatus.REFERRED, Set.of(ComplaintStatus.RECEIVED, ComplaintStatus.TRIAGED,
            ComplaintStatus.UNDER_INVESTIGATION));

    private final ComplaintStatus status;
    private final Set<ComplaintStatus> from;

    Outcome(ComplaintStatus status, Set<ComplaintStatus> from) {
        this.status = status;
        this.from = from;
    }

    /** The case's status once this outcome is recorded; refused (409) from a status it cannot follow. */
    ComplaintStatus reachedFrom(ComplaintStatus current, String reference) {
        if (!from.contains(current)) {
            throw new RegistryException.Conflict("complaint.error.outcome", reference,
                    current.name(), name());
        }
        return current.to(status, reference);
    }
}
