package org.fairrecruit.registry.database;

import ch.vorburger.exec.ManagedProcessException;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts the embedded MariaDB when its process dies (a crash, the OOM killer, kill -9), so the
 * service recovers by itself; meanwhile {@link DatabaseAvailability} says the database is down and
 * requests get 503 with Retry-After. Each replica watches only the server it started.
 */
@Singleton
class EmbeddedDatabaseWatchdog {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseWatchdog.class);
    private final DatabaseMode mode;
    private final DatabaseAvailability availability;

    EmbeddedDatabaseWatchdog(DatabaseMode mode, DatabaseAvailability availability) {
        this.mode = mode;
        this.availability = availability;
    }

    @Scheduled(fixedDelay = "${registry.embedded-db.watchdog-interval:1s}", initialDelay = "1s")
    void check() {
        EmbeddedMariaDb server = EmbeddedMariaDb.current();
        if (!mode.embedded() || server == null) {
            return;
        }
        if (server.alive()) {
            availability.markUp();
            return;
        }
        availability.markDown();
        LOG.error("Embedded MariaDB process is gone; restarting it");
        try {
            server.restartIfDead();
            availability.markUp();
        } catch (ManagedProcessException e) {
            LOG.error("Embedded MariaDB did not restart, trying again: {}", e.getMessage());
        }
    }
}
