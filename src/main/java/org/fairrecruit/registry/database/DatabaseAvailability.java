package org.fairrecruit.registry.database;

import jakarta.inject.Singleton;

/**
 * Whether this replica knows its database to be down right now (the embedded server's process has
 * died and is being restarted), so requests can be answered 503 at once instead of each waiting
 * for a connection timeout. An external database has no watchdog: its failures are recognised per
 * request (web.UnexpectedFailures).
 */
@Singleton
public class DatabaseAvailability {
    private volatile boolean down;

    public boolean knownDown() {
        return down;
    }

    void markDown() {
        down = true;
    }

    void markUp() {
        down = false;
    }
}
