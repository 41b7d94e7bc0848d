package org.fairrecruit.registry.portal;

import io.micronaut.context.ApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What an agency page's first read costs the database: every profile of a list of agencies read
 * through the portal's own queries ({@link PortalQueries#agency}), one after another on one thread,
 * in passes over the same list, so the first pass shows reads of pages the database has not cached and
 * the later ones reads it has. Run by bin/profile-reads on the scale set; not a test.
 */
public final class ProfileReadsBenchmark {
    private ProfileReadsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Long> ids = Files.readAllLines(Path.of(args[0])).stream()
                .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).toList();
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (ApplicationContext context = ApplicationContext.run(Map.of("registry.embedded-db.directory",
                System.getProperty("scale.db", "target/scale-db")))) {
            PortalQueries queries = context.getBean(PortalQueries.class);
            LocalDate today = LocalDate.now();
            for (int pass = 1; pass <= passes; pass++) {
                long[] micros = new long[ids.size()];
                for (int i = 0; i < ids.size(); i++) {
                    long started = System.nanoTime();
                    queries.agency(ids.get(i), today).orElseThrow();
                    micros[i] = (System.nanoTime() - started) / 1_000;
                }
                Arrays.sort(micros);
                System.out.printf("pass %d: %d profiles, mean %.0f us, p50 %d us, p99 %d us%n", pass, ids.size(),
                        Arrays.stream(micros).average().orElse(0), micros[micros.length / 2],
                        micros[(int) (micros.length * 0.99)]);
            }
        }
        // The context's scheduler threads would keep the JVM alive.
        System.exit(0);
    }
}
