package org.fairrecruit.registry.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one poll-and-wait loop of the tests: asks {@code probe} every 50 ms until its answer satisfies
 * {@code done}, and fails, naming what was awaited and the last answer, when {@code within} has passed.
 */
public final class Eventually {
    private static final Duration POLL = Duration.ofMillis(50);

    private Eventually() {
    }

    public static <T> T eventually(String what, Duration within, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + within.toNanos();
        T answer = probe.get();
        while (!done.test(answer)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + within.toSeconds() + " s: " + what + "; last seen: " + answer);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            answer = probe.get();
        }
        return answer;
    }

    public static void eventually(String what, Duration within, Supplier<Boolean> condition) {
        eventually(what, within, condition, Boolean::booleanValue);
    }
}
