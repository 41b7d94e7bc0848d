package org.fairrecruit.registry.portal;

import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.PublicReads;
import org.fairrecruit.registry.database.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What each short-coded certificate said (table {@code certificate}). Issuing one is a record of a
 * public read, not a change to the register, so it has no audit entry or change-feed row; it is
 * written on the primary and read back through {@link PublicReads}, falling back to the primary when
 * a read replica has not caught up with a certificate issued a moment ago.
 */
@Singleton
class CertificateLedger {
    private static final String SELECT = "SELECT agency_id, licence_number, licence_status, valid_until, blacklisted, "
            + "issued_at FROM certificate WHERE code = ?";
    private final Sql primary;
    private final PublicReads reads;

    CertificateLedger(Sql primary, PublicReads reads) {
        this.primary = primary;
        this.reads = reads;
    }

    void record(String code, VerificationCodes.Snapshot said) {
        primary.update("INSERT INTO certificate (code, agency_id, licence_number, licence_status, valid_until, blacklisted, "
                + "issued_at) VALUES (?, ?, ?, ?, ?, ?, ?)", code, said.agencyId(), said.licenceNumber(), said.licenceStatus(),
                said.validUntil(), said.blacklisted(), said.issuedAt());
    }

    Optional<VerificationCodes.Snapshot> find(String code) {
        Optional<VerificationCodes.Snapshot> found = reads.one(SELECT, CertificateLedger::snapshot, code);
        return found.isPresent() || !reads.onReplica() ? found : primary.one(SELECT, CertificateLedger::snapshot, code);
    }

    private static VerificationCodes.Snapshot snapshot(ResultSet rs) throws SQLException {
        return new VerificationCodes.Snapshot(rs.getLong(1), rs.getString(2), rs.getString(3), Sql.date(rs, "valid_until"),
                rs.getBoolean(5), Sql.instant(rs, "issued_at"));
    }
}
