package org.fairrecruit.registry.matching.bench;

import org.fairrecruit.registry.matching.Match;
import org.fairrecruit.registry.matching.MatchableEntity;
import org.fairrecruit.registry.matching.MatchingRules;
import org.fairrecruit.registry.matching.NameMatcher;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * {@code bin/match-scale [agencies] [persons] [candidates]}: builds the index over synthetic names
 * and measures search latency and throughput on two threads, next to a trivial call (a HashMap
 * lookup) measured in the same run, because this machine is shared and absolute figures drift.
 * It also checks that searches drawn from registered names find them among all those names.
 */
public final class MatchScaleBenchmark {

    private static final int THREADS = 2;
    private static final int WARM_UP = 2_000;
    private static final int SEARCHES = 5_000;
    private static final int TRIVIAL_CALLS = 1_000_000;
    private static final int LIMIT = 20;
    private static final int MISSES_SHOWN = 8;

    private MatchScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int agencyCount = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int personCount = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        MatchingRules defaults = MatchingRules.defaults();
        MatchingRules rules = args.length > 2
                ? new MatchingRules(defaults.matchThreshold(), defaults.possibleThreshold(), Integer.parseInt(args[2]))
                : defaults;
        ScaleData data = new ScaleData(42);
        List<MatchableEntity> agencies = data.agencies(agencyCount);
        List<MatchableEntity> persons = data.persons(personCount);
        long names = agencies.stream().mapToLong(a -> a.names().size()).sum()
                + persons.stream().mapToLong(p -> p.names().size()).sum();
        System.out.printf("data: %,d agencies, %,d persons, %,d names%n", agencyCount, personCount, names);

        long heapBefore = usedHeap();
        System.out.printf("candidates re-scored per search: %d%n", rules.candidates());
        try (NameMatcher matcher = new NameMatcher(rules)) {
            long start = System.nanoTime();
            long cpuStart = processorTime();
            List<MatchableEntity> all = new ArrayList<>(agencies);
            all.addAll(persons);
            matcher.upsertAll(all);
            double buildSeconds = (System.nanoTime() - start) / 1e9;
            double buildProcessorSeconds = (processorTime() - cpuStart) / 1e9;
            System.out.printf("build: %.1f s (%,.0f names/s), %,d entities; processor time %.1f s%n", buildSeconds,
                    names / buildSeconds, matcher.size(), buildProcessorSeconds);
            all = null;
            long heapWithData = usedHeap();
            System.out.printf("heap used: %,d MB with the generated entities held (%,d MB before building)%n",
                    heapWithData / (1 << 20), heapBefore / (1 << 20));

            List<ScaleData.ScaleQuery> queries = data.queries(agencies, persons, WARM_UP + SEARCHES);
            boolean[] found = new boolean[SEARCHES];
            Map<String, String> lookup = new HashMap<>();
            agencies.forEach(a -> lookup.put(a.names().get(0), a.id()));

            run(WARM_UP, i -> matcher.search(queries.get(i).query(), LIMIT));
            Figures search = run(SEARCHES, i -> {
                ScaleData.ScaleQuery probe = queries.get(WARM_UP + i);
                List<Match> results = matcher.search(probe.query(), LIMIT);
                found[i] = results.stream().anyMatch(m -> m.matchedName().equals(probe.registered()));
            });
            String key = agencies.get(0).names().get(0);
            run(TRIVIAL_CALLS, i -> lookup.get(key));
            Figures trivial = run(TRIVIAL_CALLS, i -> lookup.get(key));

            System.out.printf("search  (%d threads, %,d queries): p50 %.2f ms, p99 %.2f ms, max %.2f ms, %,.0f searches/s, "
                            + "processor time %.2f ms per search%n",
                    THREADS, SEARCHES, search.p50 / 1e6, search.p99 / 1e6, search.max / 1e6, search.perSecond, search.cpuPerCall / 1e6);
            System.out.printf("trivial (HashMap lookup, same run):   p50 %.4f ms, p99 %.4f ms, %,.0f calls/s%n",
                    trivial.p50 / 1e6, trivial.p99 / 1e6, trivial.perSecond);
            long drawn = queries.stream().skip(WARM_UP).filter(q -> q.registered() != null).count();
            long hits = 0;
            int shown = 0;
            for (int i = 0; i < SEARCHES; i++) {
                ScaleData.ScaleQuery probe = queries.get(WARM_UP + i);
                hits += found[i] || probe.registered() == null ? 1 : 0;
                if (!found[i] && probe.registered() != null && shown++ < MISSES_SHOWN) {
                    List<Match> results = matcher.search(probe.query(), 1);
                    System.out.printf("  missed: '%s' drawn from '%s'; best: %s%n", probe.query().name(), probe.registered(),
                            results.isEmpty() ? "nothing" : results.get(0).matchedName() + " " + results.get(0).score());
                }
            }
            hits -= SEARCHES - drawn;
            // Pools are small, so many entities share a name: finding that name is what counts here.
            System.out.printf("retrieval check: the registered name is among the results of %.1f%% of the %d queries drawn from it%n",
                    100.0 * hits / drawn, drawn);
            System.out.printf("ratio: search throughput is %.6f of the trivial call's (%.0fx slower)%n",
                    search.perSecond / trivial.perSecond, trivial.perSecond / search.perSecond);
        }
    }

    /** @param cpuPerCall mean processor time of a call, which other work on a shared machine barely moves */
    private record Figures(double p50, double p99, double max, double perSecond, double cpuPerCall) {
    }

    private static Figures run(int calls, IntConsumer call) throws Exception {
        long[] nanos = new long[calls];
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        List<Future<Long>> workers = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int t = 0; t < THREADS; t++) {
            int first = t;
            workers.add(pool.submit(() -> {
                long cpuBefore = threads.getCurrentThreadCpuTime();
                for (int i = first; i < calls; i += THREADS) {
                    long began = System.nanoTime();
                    call.accept(i);
                    nanos[i] = System.nanoTime() - began;
                }
                return threads.getCurrentThreadCpuTime() - cpuBefore;
            }));
        }
        long cpu = 0;
        for (Future<Long> worker : workers) {
            cpu += worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(nanos);
        return new Figures(nanos[calls / 2], nanos[(int) (calls * 0.99)], nanos[calls - 1], calls / seconds, (double) cpu / calls);
    }

    /** Processor time of the whole process (every thread, the collector's too), in nanoseconds. */
    private static long processorTime() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long usedHeap() {
        for (int k = 0; k < 3; k++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
