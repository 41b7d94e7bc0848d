package org.fairrecruit.registry.database;

import jakarta.inject.Singleton;

/** Whether this process runs on the embedded MariaDB (development, demo, tests) or an external server. */
@Singleton
public class DatabaseMode {
    private volatile boolean embedded;

    void markEmbedded() {
        embedded = true;
    }

    public boolean embedded() {
        return embedded;
    }
}
