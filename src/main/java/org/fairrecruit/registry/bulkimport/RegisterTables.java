package org.fairrecruit.registry.bulkimport;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The register tables as a bulk import reads and writes them: look-ups of many keys in a few
 * queries, and batched inserts. A bulk load is the one writer that bypasses the capabilities'
 * one-record services, for speed; its rules are checked on the whole file before anything is written.
 */
@Singleton
class RegisterTables {
    static final int CHUNK = 500;
    private final JdbcOperations jdbc;

    RegisterTables(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Agency ids by registration number (upper case), for those of {@code numbers} that exist. */
    Map<String, Long> agencyIds(Collection<String> numbers) {
        Map<String, Long> ids = new HashMap<>();
        inChunks("SELECT registration_number, id FROM agency WHERE registration_number IN ", numbers,
                rs -> ids.put(rs.getString(1).toUpperCase(Locale.ROOT), rs.getLong(2)));
        return ids;
    }

    /** Those of {@code numbers} any licence ever had (upper case): numbers are never reused. */
    Set<String> usedLicenceNumbers(Collection<String> numbers) {
        Set<String> used = new HashSet<>();
        inChunks("SELECT licence_number FROM licence WHERE licence_number IN ", numbers,
                rs -> used.add(rs.getString(1).toUpperCase(Locale.ROOT)));
        return used;
    }

    /** Those of the agencies (by registration number, upper case) that already have a licence or application. */
    Set<String> agenciesWithLicences(Collection<String> numbers) {
        Set<String> held = new HashSet<>();
        inChunks("SELECT DISTINCT a.registration_number FROM agency a JOIN licence l ON l.agency_id = a.id "
                + "WHERE a.registration_number IN ", numbers, rs -> held.add(rs.getString(1).toUpperCase(Locale.ROOT)));
        return held;
    }

    /** Listing keys (see ListingImport.key) of listings whose name is one of {@code names}. */
    Set<String> listingKeys(Collection<String> names) {
        Set<String> keys = new HashSet<>();
        inChunks("SELECT subject_type, name, listed_on FROM blacklist_entry WHERE name IN ", names,
                rs -> keys.add(ListingImport.key(rs.getString(1), rs.getString(2), rs.getDate(3).toString())));
        return keys;
    }

    /**
     * Inserts every row with one batched statement per {@value #CHUNK} rows; returns the generated
     * ids in row order. Reports each chunk to {@code run}.
     */
    <T> List<Long> insert(String sql, List<T> rows, Binder<T> binder, ImportRun run) {
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
                    if (run != null) {
                        run.rowsWritten().accept(chunk.size());
                    }
                }
            }
            if (ids.size() != rows.size()) {
                throw new IllegalStateException("expected " + rows.size() + " generated ids, got " + ids.size());
            }
            return ids;
        });
    }

    private void inChunks(String sql, Collection<String> keys, RowReader reader) {
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            String placeholders = "(" + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")";
            jdbc.prepareStatement(sql + placeholders, ps -> {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
                return null;
            });
        }
    }

    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }
}
