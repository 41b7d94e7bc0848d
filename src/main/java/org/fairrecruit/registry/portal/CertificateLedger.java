package org.fairrecruit.registry.portal;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
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
    private final TransactionOperations<Connection> primary;
    private final PublicReads reads;

    CertificateLedger(@Named("default") TransactionOperations<Connection> primary, PublicReads reads) {
        this.primary = primary;
        this.reads = reads;
    }

    void record(String code, VerificationCodes.Snapshot said) {
        primary.executeWrite(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("INSERT INTO certificate (code, agency_id, "
                    + "licence_number, licence_status, valid_until, blacklisted, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, code);
                ps.setLong(2, said.agencyId());
                ps.setString(3, said.licenceNumber());
                ps.setString(4, said.licenceStatus());
                if (said.validUntil() == null) {
                    ps.setNull(5, Types.DATE);
                } else {
                    ps.setDate(5, Date.valueOf(said.validUntil()));
                }
                ps.setBoolean(6, said.blacklisted());
                ps.setTimestamp(7, Timestamp.from(said.issuedAt()));
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("certificate not recorded", e);
            }
        });
    }

    Optional<VerificationCodes.Snapshot> find(String code) {
        Optional<VerificationCodes.Snapshot> found = reads.read(c -> find(c, code));
        if (found.isPresent() || !PublicReads.REPLICA.equals(reads.datasource())) {
            return found;
        }
        return primary.executeRead(status -> {
            try {
                return find(status.getConnection(), code);
            } catch (SQLException e) {
                throw new IllegalStateException("certificate lookup failed", e);
            }
        });
    }

    private static Optional<VerificationCodes.Snapshot> find(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Date validUntil = rs.getDate(4);
                return Optional.of(new VerificationCodes.Snapshot(rs.getLong(1), rs.getString(2), rs.getString(3),
                        validUntil == null ? null : validUntil.toLocalDate(), rs.getBoolean(5),
                        rs.getTimestamp(6).toInstant()));
            }
        }
    }
}
