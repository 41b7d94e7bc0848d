package org.fairrecruit.registry.licensing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Aggregates of licences for reports: counts by status now, status changes over time, expiries ahead. */
@Singleton
public class LicenceStatistics {
    public record MonthStatus(YearMonth month, LicenceStatus status, long count) {
    }

    public record MonthCount(YearMonth month, long count) {
    }

    private final Sql sql;

    LicenceStatistics(Sql sql) {
        this.sql = sql;
    }

    /** Licences per status today, every status present. */
    @Transactional(readOnly = true)
    public Map<LicenceStatus, Long> byStatus(@Nullable Long agency) {
        Map<LicenceStatus, Long> counts = new LinkedHashMap<>();
        Arrays.stream(LicenceStatus.values()).forEach(status -> counts.put(status, 0L));
        sql.list("SELECT status, COUNT(*) FROM licence WHERE (? IS NULL OR agency_id = ?) GROUP BY status",
                rs -> counts.put(LicenceStatus.valueOf(rs.getString(1)), rs.getLong(2)), agency, agency);
        return counts;
    }

    /** How many licences entered each status per month in [from, until): the register's movement over time. */
    @Transactional(readOnly = true)
    public List<MonthStatus> changesPerMonth(LocalDate from, LocalDate until, @Nullable Long agency) {
        // Licences are asked only to narrow by agency: joined for every change, they took two thirds of the
        // time of a year's 61,870 changes at the scale set.
        String ofAgency = agency == null ? "" : " AND licence_id IN (SELECT id FROM licence WHERE agency_id = ?)";
        Object[] params = agency == null ? new Object[] {from, until} : new Object[] {from, until, agency};
        return sql.list("SELECT YEAR(occurred_at), MONTH(occurred_at), to_status, COUNT(*) FROM licence_status_change"
                        + " WHERE occurred_at >= ? AND occurred_at < ?" + ofAgency + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
                rs -> new MonthStatus(YearMonth.of(rs.getInt(1), rs.getInt(2)), LicenceStatus.valueOf(rs.getString(3)),
                        rs.getLong(4)), params);
    }

    /** Active licences whose validity ends in [today, today + days], per month of expiry. */
    @Transactional(readOnly = true)
    public List<MonthCount> expiringPerMonth(LocalDate today, int days, @Nullable Long agency) {
        return sql.list("""
                SELECT YEAR(valid_until), MONTH(valid_until), COUNT(*) FROM licence
                WHERE status = ? AND valid_until BETWEEN ? AND ? AND (? IS NULL OR agency_id = ?)
                GROUP BY 1, 2 ORDER BY 1, 2""",
                rs -> new MonthCount(YearMonth.of(rs.getInt(1), rs.getInt(2)), rs.getLong(3)),
                LicenceStatus.ACTIVE, today, today.plusDays(days), agency, agency);
    }
}
