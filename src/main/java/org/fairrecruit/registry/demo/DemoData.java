package org.fairrecruit.registry.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import org.fairrecruit.registry.agency.AgencyRegister;
import org.fairrecruit.registry.audit.AuditEvent;
import org.fairrecruit.registry.audit.AuditLog;
import org.fairrecruit.registry.database.DatabaseMode;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.identity.IdentityService;
import org.fairrecruit.registry.identity.NewStaffUser;
import org.fairrecruit.registry.kernel.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Fills an empty embedded database with clearly fictional agencies, licences in every status,
 * blacklist entries and complaints, and one staff user per role (password {@value #PASSWORD}).
 * The agencies go through the register ({@link DemoAgencies}) and their recent history through the
 * services ({@link DemoHistory}, {@link DemoComplaints}), so the audit trail and the change feed (and
 * its Atom view) show how they came to be; only their older past, dated years ago, is the script's.
 * Never runs against an external database, so a real registry cannot be seeded by accident.
 */
@Context
@Requires(property = "registry.demo.enabled", value = "true")
class DemoData {
    static final String PASSWORD = "demo-password";
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private final Sql sql;
    private final IdentityService identity;
    private final AuditLog audit;
    private final DatabaseMode mode;
    private final AgencyRegister register;
    private final DemoHistory history;
    private final DemoComplaints complaints;

    DemoData(Sql sql, IdentityService identity, AuditLog audit, DatabaseMode mode, AgencyRegister register,
             DemoHistory history, DemoComplaints complaints) {
        this.register = register;
        this.complaints = complaints;
        this.history = history;
        this.sql = sql;
        this.identity = identity;
        this.audit = audit;
        this.mode = mode;
    }

    /**
     * Runs while the context starts, before the StartupEvent on which every replica loads its name
     * index, so the index always sees the demo records.
     */
    @PostConstruct
    void onStartup() {
        if (mode.embedded()) {
            load();
        }
    }

    @Transactional
    void load() {
        if (!register.search("", 1).isEmpty()) {
            return;
        }
        for (String role : Roles.ALL) {
            String username = role.toLowerCase(Locale.ROOT).replace('_', '-');
            identity.create("demo", new NewStaffUser(username, "Demo " + role.toLowerCase(Locale.ROOT).replace('_', ' '),
                    username + "@demo.example", PASSWORD, Set.of(role)));
        }
        DemoAgencies.register(register);
        for (String statement : script().split(";\\s*\\n")) {
            if (!statement.isBlank()) {
                sql.update(statement);
            }
        }
        history.make();
        complaints.make();
        audit.record(AuditEvent.of("demo", "demo.loaded", "registry", "demo").because("empty embedded database"), null, null);
        LOG.info("Demo data loaded; staff users {} with password '{}'", Roles.ALL, PASSWORD);
    }

    private static String script() {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/demo-data.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return sql.lines().filter(line -> !line.startsWith("--")).reduce("", (a, b) -> a + b + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
