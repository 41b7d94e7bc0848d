package org.fairrecruit.registry.database;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** Where the embedded MariaDB keeps its files; used only when no datasource URL is configured. */
@ConfigurationProperties("registry.embedded-db")
record EmbeddedDatabaseSettings(
        @Bindable(defaultValue = "data/mariadb") String directory,
        @Bindable(defaultValue = "registry") String databaseName) {
}
