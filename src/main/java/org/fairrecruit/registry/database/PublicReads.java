package org.fairrecruit.registry.database;

import io.micronaut.context.BeanContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Where the public read models of every capability run (the portal's pages, public API and
 * certificates read them): plain SQL as with {@link Sql}, parameters bound the same way, on the
 * datasource named {@code replica} when one is configured ({@code datasources.replica.*}, e.g. a
 * MySQL read replica), else on the default one. Each capability queries only its own tables here.
 * <p>
 * Reads run on a pooled connection in autocommit mode, outside any transaction: a read-only
 * transaction cost five statements per read (read-only on, autocommit off, COMMIT, autocommit on,
 * read-only off), more round trips than a page's own queries. Each query then sees its own
 * committed snapshot rather than one shared by the page; every business change commits its rows
 * together, and the verdict (licence with its listings) comes from rows that change in one
 * decision, so a page read across a commit shows the new or the old facts of each list, never a
 * half-applied change, and the next request shows all of it (as a read replica's lag would).
 */
@Singleton
public class PublicReads {
    private static final Logger LOG = LoggerFactory.getLogger(PublicReads.class);
    private static final String REPLICA = "replica";

    private final DataSource pool;
    private final boolean replica;

    PublicReads(BeanContext context) {
        var configured = context.findBean(DataSource.class, Qualifiers.byName(REPLICA));
        this.replica = configured.isPresent();
        // The pool itself: the bean is a proxy that only hands out a surrounding transaction's connection.
        this.pool = context.findBean(DataSourceResolver.class).orElse(DataSourceResolver.DEFAULT)
                .resolve(configured.orElseGet(() -> context.getBean(DataSource.class, Qualifiers.byName("default"))));
        LOG.info("public reads use the {} datasource", replica ? REPLICA : "default");
    }

    /** Whether these reads go to a read replica, which may lag behind the primary. */
    public boolean onReplica() {
        return replica;
    }

    public <T> List<T> list(String sql, Sql.RowMapper<T> mapper, Object... params) {
        try (Connection connection = pool.getConnection(); PreparedStatement ps = connection.prepareStatement(sql)) {
            Sql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("public read failed", e);
        }
    }

    public <T> Optional<T> one(String sql, Sql.RowMapper<T> mapper, Object... params) {
        List<T> rows = list(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** {@code ?, ?, …} for an IN list of {@code n} values. */
    public static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
