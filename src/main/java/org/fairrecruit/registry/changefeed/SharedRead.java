package org.fairrecruit.registry.changefeed;

import java.util.function.LongSupplier;

/**
 * A read of a value that only grows (the feed's newest id), one at a time, whose answer every caller
 * shares that called before it began. A caller waits for a read that begins after its call, so it
 * sees every change committed before it asked, exactly as if it had read alone; the callers that
 * arrive while a read runs share the next one. Under load one database round trip then answers all
 * the page requests of its moment instead of one each. A failed read fails every caller that waited
 * for it.
 */
final class SharedRead {
    private final LongSupplier read;
    private long begun;
    private long ended;
    private boolean reading;
    private long value;
    private RuntimeException failure;

    SharedRead(LongSupplier read) {
        this.read = read;
    }

    long get() {
        long needed;
        synchronized (this) {
            // The next read to begin is the first one this call may take the answer of.
            needed = begun + 1;
            while (ended < needed && reading) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return read.getAsLong();
                }
            }
            if (ended >= needed) {
                return answer();
            }
            reading = true;
            begun++;
        }
        long newest = 0;
        RuntimeException failed = null;
        try {
            newest = read.getAsLong();
        } catch (RuntimeException e) {
            failed = e;
        }
        synchronized (this) {
            value = newest;
            failure = failed;
            ended = begun;
            reading = false;
            notifyAll();
            return answer();
        }
    }

    private long answer() {
        if (failure != null) {
            throw failure;
        }
        return value;
    }
}
