package org.fairrecruit.registry.portal;

import io.micronaut.context.BeanContext;
import io.micronaut.core.type.Argument;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where public reads (portal pages, public API, certificates) go: the datasource named
 * {@code replica} when one is configured ({@code datasources.replica.*}, e.g. a MySQL read
 * replica), else the default one. Every read is a read-only transaction.
 */
@Singleton
class PublicReads {
    static final String REPLICA = "replica";
    private static final Logger LOG = LoggerFactory.getLogger(PublicReads.class);
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Argument<TransactionOperations<Connection>> TX =
            (Argument) Argument.of(TransactionOperations.class, Connection.class);

    interface Query<T> {
        T run(Connection connection) throws SQLException;
    }

    private final TransactionOperations<Connection> tx;
    private final String datasource;

    PublicReads(BeanContext context) {
        var replica = context.findBean(TX, Qualifiers.byName(REPLICA));
        this.tx = replica.orElseGet(() -> context.getBean(TX, Qualifiers.byName("default")));
        this.datasource = replica.isPresent() ? REPLICA : "default";
        LOG.info("public reads use the {} datasource", datasource);
    }

    String datasource() {
        return datasource;
    }

    <T> T read(Query<T> query) {
        return tx.executeRead(status -> {
            try {
                return query.run(status.getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException("public read failed", e);
            }
        });
    }
}
