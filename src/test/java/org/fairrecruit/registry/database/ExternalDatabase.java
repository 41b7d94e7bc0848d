package org.fairrecruit.registry.database;

import java.nio.file.Path;

/**
 * The test run's embedded MariaDB seen as an external server: tests that start the service in
 * production mode (DATASOURCES_DEFAULT_URL set) point it here.
 */
public final class ExternalDatabase {
    private ExternalDatabase() {
    }

    public static String jdbcUrl(String databaseName) {
        return EmbeddedMariaDb.start(Path.of("target/test-mariadb")).jdbcUrl(databaseName);
    }
}
