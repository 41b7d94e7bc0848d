package org.fairrecruit.registry.fee;

import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.PublicReads;

import java.math.BigDecimal;
import java.util.List;

/** What the public learns of fees, read through {@link PublicReads}: the proven prohibited ones per currency. */
@Singleton
public class PublicFees {
    public record ProhibitedTotal(String currency, BigDecimal amount) {
    }

    private final PublicReads reads;

    PublicFees(PublicReads reads) {
        this.reads = reads;
    }

    /** Per currency, never summed across currencies. */
    public List<ProhibitedTotal> provenProhibited(long agencyId) {
        return reads.list("SELECT currency, SUM(prohibited_amount) FROM fee_record WHERE agency_id = ? AND "
                + FeeRecords.PROVEN_PROHIBITED + " GROUP BY currency ORDER BY currency",
                rs -> new ProhibitedTotal(rs.getString(1), Money.round(rs.getBigDecimal(2), rs.getString(1))), agencyId);
    }
}
