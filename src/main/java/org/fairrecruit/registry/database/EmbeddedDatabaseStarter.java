package org.fairrecruit.registry.database;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import jakarta.inject.Singleton;

import java.nio.file.Path;

/**
 * Points a datasource without a URL at the embedded MariaDB, starting it first. With
 * DATASOURCES_DEFAULT_URL set (production: MySQL 8.4), nothing is started.
 */
@Singleton
final class EmbeddedDatabaseStarter implements BeanInitializedEventListener<DatasourceConfiguration> {
    private final EmbeddedDatabaseSettings settings;
    private final DatabaseMode mode;

    EmbeddedDatabaseStarter(EmbeddedDatabaseSettings settings, DatabaseMode mode) {
        this.settings = settings;
        this.mode = mode;
    }

    @Override
    public DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        if (datasource.getJdbcUrl() == null || datasource.getJdbcUrl().isBlank()) {
            EmbeddedMariaDb db = EmbeddedMariaDb.start(Path.of(settings.directory()));
            datasource.setJdbcUrl(db.jdbcUrl(settings.databaseName()));
            datasource.setUsername("root");
            datasource.setPassword("");
            datasource.setDriverClassName("com.mysql.cj.jdbc.Driver");
            mode.markEmbedded();
        }
        return datasource;
    }
}
