package org.fairrecruit.registry.screening;

import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.reporting.ScreeningVolumes;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

/** Names screened per month and kind (MATCH calls, BATCH files), from the stored screenings, for the dashboard. */
@Singleton
class ScreenedNames implements ScreeningVolumes {
    private final Sql sql;

    ScreenedNames(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Map<YearMonth, Map<String, Long>> perMonth(LocalDate from, LocalDate until) {
        Map<YearMonth, Map<String, Long>> volumes = new TreeMap<>();
        sql.list("SELECT YEAR(screened_at), MONTH(screened_at), kind, SUM(queries) FROM screening "
                        + "WHERE screened_at >= ? AND screened_at < ? GROUP BY 1, 2, 3",
                rs -> volumes.computeIfAbsent(YearMonth.of(rs.getInt(1), rs.getInt(2)), month -> new TreeMap<>())
                        .put(rs.getString(3), rs.getLong(4)),
                from.atStartOfDay(), until.atStartOfDay());
        return volumes;
    }
}
