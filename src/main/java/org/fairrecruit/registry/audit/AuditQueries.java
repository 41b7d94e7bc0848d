package org.fairrecruit.registry.audit;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Read side of the audit trail: recent entries, and one entity's history, both in the order they were
 * written and including entries not chained yet (their {@code seq} is null for a moment).
 */
@Singleton
public class AuditQueries {
    static final String GENESIS_HASH = "0".repeat(64);
    static final String SELECT = """
            SELECT seq, occurred_at, actor, action, entity_type, entity_id, reason, before_state, after_state,
                   prev_hash, hash, id FROM audit_entry""";
    private final Sql sql;

    AuditQueries(Sql sql) {
        this.sql = sql;
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> latest(int limit) {
        return sql.list(SELECT + " ORDER BY id DESC LIMIT " + Math.min(limit, 500), AuditQueries::read);
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> forEntity(String entityType, String entityId) {
        return sql.list(SELECT + " WHERE entity_type = ? AND entity_id = ? ORDER BY id", AuditQueries::read,
                entityType, entityId);
    }

    static AuditEntry read(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getObject(1, Long.class), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11));
    }
}
