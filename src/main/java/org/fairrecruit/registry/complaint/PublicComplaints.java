package org.fairrecruit.registry.complaint;

import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.PublicReads;

/** What the public learns of complaints, read through {@link PublicReads}: only how many were substantiated. */
@Singleton
public class PublicComplaints {
    private final PublicReads reads;

    PublicComplaints(PublicReads reads) {
        this.reads = reads;
    }

    public long substantiatedAgainst(long agencyId) {
        return reads.one("SELECT COUNT(*) FROM complaint WHERE agency_id = ? AND outcome = ?", rs -> rs.getLong(1),
                agencyId, Outcome.SUBSTANTIATED).orElse(0L);
    }
}
