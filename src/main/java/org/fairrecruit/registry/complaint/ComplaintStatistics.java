package org.fairrecruit.registry.complaint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates of cases for reports: counts only, never a case. Each query reads one covering index
 * (V55), so it answers at scale without reading the rows. A null filter means "any".
 */
@Singleton
public class ComplaintStatistics {
    /** How an open case stands against its due date, worst first. */
    public enum Ageing { OVERDUE_OVER_30_DAYS, OVERDUE, DUE_WITHIN_7_DAYS, DUE_LATER, NO_DUE_DATE }

    public record MonthCount(YearMonth month, Category category, Channel channel, long count) {
    }

    private static final String FILTERS = " AND (? IS NULL OR destination_country = ?) AND (? IS NULL OR category = ?)"
            + " AND (? IS NULL OR agency_id = ?)";
    private static final List<String> OPEN = Arrays.stream(ComplaintStatus.values()).filter(ComplaintStatus::open)
            .map(Enum::name).toList();
    private static final String OPEN_PLACEHOLDERS = String.join(", ", Collections.nCopies(OPEN.size(), "?"));
    private final Sql sql;

    ComplaintStatistics(Sql sql) {
        this.sql = sql;
    }

    /** Cases received in [from, until), per month, category and channel. */
    @Transactional(readOnly = true)
    public List<MonthCount> perMonth(LocalDate from, LocalDate until, @Nullable String destination,
                                     @Nullable Category category, @Nullable Long agency) {
        return sql.list("SELECT YEAR(received_at), MONTH(received_at), category, channel, COUNT(*) FROM complaint"
                        + " WHERE received_at >= ? AND received_at < ?" + FILTERS + " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
                rs -> new MonthCount(YearMonth.of(rs.getInt(1), rs.getInt(2)), Category.valueOf(rs.getString(3)),
                        Channel.valueOf(rs.getString(4)), rs.getLong(5)),
                from, until, destination, destination, category, category, agency, agency);
    }

    /** Open cases by how they stand against their due date on {@code today}; every bucket present. */
    @Transactional(readOnly = true)
    public Map<Ageing, Long> openCasesByAgeing(LocalDate today, @Nullable String destination,
                                               @Nullable Category category, @Nullable Long agency) {
        Map<Ageing, Long> counts = new LinkedHashMap<>();
        Arrays.stream(Ageing.values()).forEach(bucket -> counts.put(bucket, 0L));
        List<Object> params = new ArrayList<>(List.of(today.minusDays(30), today, today.plusDays(7)));
        params.addAll(OPEN);
        params.addAll(Arrays.asList(destination, destination, category, category, agency, agency));
        sql.list("""
                SELECT CASE WHEN due_on IS NULL THEN 'NO_DUE_DATE'
                            WHEN due_on < ? THEN 'OVERDUE_OVER_30_DAYS'
                            WHEN due_on < ? THEN 'OVERDUE'
                            WHEN due_on <= ? THEN 'DUE_WITHIN_7_DAYS'
                            ELSE 'DUE_LATER' END AS bucket, COUNT(*)
                FROM complaint WHERE status IN (""" + OPEN_PLACEHOLDERS + ")" + FILTERS + " GROUP BY 1",
                rs -> counts.put(Ageing.valueOf(rs.getString(1)), rs.getLong(2)),
                params.toArray());
        return counts;
    }
}
