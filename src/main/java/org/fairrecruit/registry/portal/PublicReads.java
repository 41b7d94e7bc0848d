package org.fairrecruit.registry.portal;

import io.micronaut.context.BeanContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where public reads (portal pages, public API, certificates) go: the datasource named
 * {@code replica} when one is configured ({@code datasources.replica.*}, e.g. a MySQL read
 * replica), else the default one.
 * <p>
 * Reads run on a pooled connection in autocommit mode, outside any transaction: a read-only
 * transaction cost five statements per read (read-only on, autocommit off, COMMIT, autocommit on,
 * read-only off), more round trips than the page's own queries. Each query then sees its own
 * committed snapshot rather than one shared by the page; every business change commits its rows
 * together, and the verdict (licence with its listings) comes from rows that change in one
 * decision, so a page read across a commit shows the new or the old facts of each list, never a
 * half-applied change, and the next request shows all of it (as a read replica's lag would).
 */
@Singleton
class PublicReads {
    static final String REPLICA = "replica";
    private static final Logger LOG = LoggerFactory.getLogger(PublicReads.class);

    interface Query<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource pool;
    private final String datasource;

    PublicReads(BeanContext context) {
        var replica = context.findBean(DataSource.class, Qualifiers.byName(REPLICA));
        this.datasource = replica.isPresent() ? REPLICA : "default";
        // The pool itself: the bean is a proxy that only hands out a surrounding transaction's connection.
        this.pool = context.findBean(DataSourceResolver.class).orElse(DataSourceResolver.DEFAULT)
                .resolve(replica.orElseGet(() -> context.getBean(DataSource.class, Qualifiers.byName("default"))));
        LOG.info("public reads use the {} datasource", datasource);
    }

    String datasource() {
        return datasource;
    }

    <T> T read(Query<T> query) {
        try (Connection connection = pool.getConnection()) {
            return query.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("public read failed", e);
        }
    }
}
