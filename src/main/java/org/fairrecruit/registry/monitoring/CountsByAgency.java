package org.fairrecruit.registry.monitoring;

import org.fairrecruit.registry.database.Sql;

import java.util.HashMap;
import java.util.Map;

/**
 * Runs a risk signal's counting query: {@code select} picks (agency id, count) and ends in a WHERE
 * clause; the narrowing to one agency and the grouping by {@code agencyColumn} are appended here.
 */
public final class CountsByAgency {
    private CountsByAgency() {
    }

    public static Map<Long, Long> query(Sql sql, String select, String agencyColumn, Long onlyAgency, Object... params) {
        Object[] all = new Object[params.length + 2];
        System.arraycopy(params, 0, all, 0, params.length);
        all[params.length] = onlyAgency;
        all[params.length + 1] = onlyAgency;
        Map<Long, Long> counts = new HashMap<>();
        sql.list(select + " AND (? IS NULL OR " + agencyColumn + " = ?) GROUP BY " + agencyColumn,
                rs -> counts.put(rs.getLong(1), rs.getLong(2)), all);
        return counts;
    }
}
