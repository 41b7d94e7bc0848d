package org.fairrecruit.registry.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.List;

/**
 * Recomputes every hash in sequence order. Detects an edited entry (hash mismatch), a deleted or
 * inserted one (gap in sequence or broken link) and a reordering (broken link), and a truncated
 * tail (head no longer matches the last entry).
 */
@Singleton
public class AuditVerifier {
    private static final int PAGE = 2_000;
    private final JdbcOperations jdbc;

    AuditVerifier(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public ChainVerification verify() {
        long expectedSeq = 1;
        String expectedPrev = AuditQueries.GENESIS_HASH;
        long checked = 0;
        while (true) {
            List<AuditEntry> page = pageFrom(expectedSeq - 1);
            for (AuditEntry entry : page) {
                if (entry.seq() != expectedSeq) {
                    return ChainVerification.brokenAt(checked, expectedSeq, "entry " + expectedSeq + " is missing");
                }
                if (!entry.prevHash().equals(expectedPrev)) {
                    return ChainVerification.brokenAt(checked, entry.seq(), "does not link to the entry before it");
                }
                if (!entry.hashIsIntact()) {
                    return ChainVerification.brokenAt(checked, entry.seq(), "content differs from what was recorded");
                }
                checked++;
                expectedSeq++;
                expectedPrev = entry.hash();
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        long lastSeq = expectedSeq - 1;
        String headProblem = headProblem(lastSeq, expectedPrev);
        return headProblem == null ? ChainVerification.intact(checked)
                : ChainVerification.brokenAt(checked, lastSeq + 1, headProblem);
    }

    private String headProblem(long lastSeq, String lastHash) {
        return jdbc.prepareStatement("SELECT last_seq, last_hash FROM audit_head WHERE id = 1", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != lastSeq || !rs.getString(2).equals(lastHash)) {
                    return "entries after " + lastSeq + " were removed (the chain head records "
                            + rs.getLong(1) + ")";
                }
                return null;
            }
        });
    }

    private List<AuditEntry> pageFrom(long afterSeq) {
        return jdbc.prepareStatement(AuditQueries.SELECT + " WHERE seq > ? ORDER BY seq LIMIT " + PAGE, ps -> {
            ps.setLong(1, afterSeq);
            return AuditQueries.readAll(ps.executeQuery());
        });
    }
}
