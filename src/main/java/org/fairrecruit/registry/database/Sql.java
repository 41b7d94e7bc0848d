package org.fairrecruit.registry.database;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.ByteArrayInputStream;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Plain SQL in the caller's transaction, with one place that binds Java values to parameters:
 * {@link LocalDate} as DATE, {@link Instant} as TIMESTAMP (UTC), enums by name, null as NULL.
 * Joins the caller's transaction, or runs in its own when there is none.
 */
@Singleton
@Transactional
public class Sql {
    /**
     * Whether the database rolled the transaction back to break a deadlock (or a lock wait): nothing of it
     * was kept, so the same work may simply be done again.
     */
    public static boolean deadlock(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransactionRollbackException) {
                return true;
            }
        }
        return false;
    }

    private static final int CHUNK = 500;
    private final JdbcOperations jdbc;

    Sql(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /**
     * Runs {@code work} in the caller's transaction, or in one of its own when there is none (a scheduled
     * round, a retry after a deadlock): committed when it returns, rolled back when it throws.
     */
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        });
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public long count(String sql, Object... params) {
        return one(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    /** Returns the number of rows changed. */
    public int update(String sql, Object... params) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, params);
            return ps.executeUpdate();
        });
    }

    /** Runs {@code sql} once per row of parameters as one JDBC batch; returns each row's number of rows changed. */
    public int[] updateAll(String sql, List<Object[]> rows) {
        return jdbc.prepareStatement(sql, ps -> {
            for (Object[] row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    /** Inserts one row and returns its generated id. */
    public long insert(String sql, Object... params) {
        return jdbc.execute(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                bind(ps, params);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Binds one row of a batch. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    /**
     * Inserts every row with one batched statement per {@value #CHUNK} rows, for bulk loads that must
     * not become a round trip per row; returns the generated ids in row order and reports each chunk's
     * size to {@code written}.
     */
    public <T> List<Long> insertAll(String sql, List<T> rows, Binder<T> binder, IntConsumer written) {
        return jdbc.execute(connection -> {
            List<Long> ids = new ArrayList<>(rows.size());
            try (PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                for (int from = 0; from < rows.size(); from += CHUNK) {
                    List<T> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                    for (T row : chunk) {
                        binder.bind(ps, row);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        while (keys.next()) {
                            ids.add(keys.getLong(1));
                        }
                    }
                    written.accept(chunk.size());
                }
            }
            if (ids.size() != rows.size()) {
                throw new IllegalStateException("expected " + rows.size() + " generated ids, got " + ids.size());
            }
            return ids;
        });
    }

    /**
     * {@code sql} ends in "IN "; runs it once per {@value #CHUNK} keys with their placeholders appended,
     * after the {@code leading} parameters of the placeholders before the list.
     */
    public <T> List<T> listIn(String sql, Collection<?> keys, RowMapper<T> mapper, Object... leading) {
        List<?> all = List.copyOf(keys);
        List<T> rows = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<?> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            List<Object> params = new ArrayList<>(List.of(leading));
            params.addAll(chunk);
            rows.addAll(list(sql + "(" + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")", mapper,
                    params.toArray()));
        }
        return rows;
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object value = params[i];
            int index = i + 1;
            if (value == null) {
                ps.setNull(index, Types.NULL);
            } else if (value instanceof LocalDate date) {
                ps.setDate(index, Date.valueOf(date));
            } else if (value instanceof Instant instant) {
                ps.setTimestamp(index, Timestamp.from(instant));
            } else if (value instanceof Enum<?> constant) {
                ps.setString(index, constant.name());
            } else if (value instanceof byte[] bytes) {
                // As a stream the driver escapes the bytes straight into its packet; as a byte[] it first
                // builds an escaped copy (an evidence file is megabytes: bin/intake-bench, issue 16).
                ps.setBinaryStream(index, new ByteArrayInputStream(bytes), bytes.length);
            } else {
                ps.setObject(index, value);
            }
        }
    }
}
