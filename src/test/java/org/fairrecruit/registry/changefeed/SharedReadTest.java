package org.fairrecruit.registry.changefeed;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedReadTest {

    /** A stored value whose reads can be held open, counting how many were made. */
    private static final class Store {
        final AtomicLong newest = new AtomicLong(1);
        final AtomicInteger reads = new AtomicInteger();
        volatile CountDownLatch hold = new CountDownLatch(0);
        volatile RuntimeException failing;

        long read() {
            long seen = newest.get();
            reads.incrementAndGet();
            await(hold);
            if (failing != null) {
                throw failing;
            }
            return seen;
        }
    }

    private final Store store = new Store();
    private final SharedRead head = new SharedRead(store::read);

    @Test
    void a_call_made_while_a_read_runs_sees_what_was_committed_before_it() throws Exception {
        CompletableFuture<Long> first = callWithItsReadHeldOpen();
        store.newest.set(2);
        CompletableFuture<Long> second = waitingCall();
        store.hold.countDown();

        assertEquals(1L, first.get(5, TimeUnit.SECONDS));
        assertEquals(2L, second.get(5, TimeUnit.SECONDS), "the read under way began before the second call");
        assertEquals(2, store.reads.get());
    }

    @Test
    void calls_made_while_a_read_runs_share_the_next_one() throws Exception {
        CompletableFuture<Long> first = callWithItsReadHeldOpen();
        store.newest.set(7);
        List<CompletableFuture<Long>> waiting = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            waiting.add(waitingCall());
        }
        store.hold.countDown();
        first.get(5, TimeUnit.SECONDS);

        for (CompletableFuture<Long> call : waiting) {
            assertEquals(7L, call.get(5, TimeUnit.SECONDS));
        }
        assertEquals(2, store.reads.get(), "one read for the first call, one shared by the six that waited");
    }

    @Test
    void a_failed_read_fails_its_call_and_the_next_call_reads_again() throws Exception {
        RuntimeException down = new IllegalStateException("database down");
        store.failing = down;
        assertSame(down, assertThrows(IllegalStateException.class, head::get));

        store.failing = null;
        store.newest.set(3);
        assertEquals(3L, head.get());
        assertEquals(2, store.reads.get());
    }

    /** Starts a call and returns, with its answer to come, once it waits for the read under way. */
    private CompletableFuture<Long> waitingCall() {
        CompletableFuture<Long> answer = new CompletableFuture<>();
        Thread thread = new Thread(() -> answer.complete(head.get()));
        thread.start();
        awaitWaiting(thread);
        return answer;
    }

    private static void awaitWaiting(Thread thread) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != Thread.State.WAITING) {
            assertTrue(System.nanoTime() < until, "the call never waited");
            Thread.onSpinWait();
        }
    }

    /** A call whose read has begun and waits until {@code store.hold} is counted down. */
    private CompletableFuture<Long> callWithItsReadHeldOpen() {
        store.hold = new CountDownLatch(1);
        CompletableFuture<Long> call = CompletableFuture.supplyAsync(head::get);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (store.reads.get() < 1) {
            assertTrue(System.nanoTime() < until, "the read never began");
            Thread.onSpinWait();
        }
        return call;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
