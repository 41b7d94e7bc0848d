package org.fairrecruit.registry.complaint;

import org.fairrecruit.registry.database.Column;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.audit.AuditEvent;
import org.fairrecruit.registry.audit.AuditLog;
import org.fairrecruit.registry.changefeed.ChangeFeed;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.RegistryException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * People and businesses that recruit without a licence, as complaints name them: found by any of
 * their names through the matcher (the change feed tells every replica's index), linked to cases,
 * and listable on the blacklist from a case.
 */
@Singleton
public class UnlicensedRecruiters {
    public enum Kind { PERSON, BUSINESS }

    @Serdeable
    public record Recruiter(long id, Kind kind, String name, List<String> aliases, @Nullable String country) {
    }

    private final Sql sql;
    private final AuditLog audit;
    private final ChangeFeed feed;
    private final Clock clock;

    UnlicensedRecruiters(Sql sql, AuditLog audit, ChangeFeed feed, Clock clock) {
        this.sql = sql;
        this.audit = audit;
        this.feed = feed;
        this.clock = clock;
    }

    @Transactional
    public Recruiter create(String actor, Kind kind, String name, List<String> aliases, @Nullable String country) {
        List<String> others = aliases == null ? List.of() : aliases.stream().filter(a -> a != null && !a.isBlank())
                .map(String::strip).distinct().toList();
        InvalidInput.Collector check = new InvalidInput.Collector()
                .require(kind != null, "kind", "field.invalid")
                .text("name", name, Column.RECRUITER_NAME);
        others.forEach(alias -> check.optionalText("aliases", alias, Column.RECRUITER_NAME));
        if (country != null && !country.isBlank()) {
            check.country("country", country);
        }
        check.throwIfAny();
        long id = sql.insert("INSERT INTO unlicensed_recruiter (kind, name, country, created_by, created_at) "
                + "VALUES (?, ?, ?, ?, ?)", kind, name.strip(),
                country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT), actor,
                Instant.now(clock));
        others.forEach(alias -> sql.insert("INSERT INTO unlicensed_recruiter_alias (recruiter_id, name) VALUES (?, ?)",
                id, alias));
        Recruiter created = get(id);
        audit.record(AuditEvent.of(actor, "recruiter.created", "unlicensed_recruiter", id), null, created);
        feed.record(EntityKind.UNLICENSED_RECRUITER, id);
        return created;
    }

    @Transactional(readOnly = true)
    public Optional<Recruiter> find(long id) {
        return sql.one("SELECT * FROM unlicensed_recruiter WHERE id = ?", this::recruiter, id);
    }

    @Transactional(readOnly = true)
    public Recruiter get(long id) {
        return find(id).orElseThrow(() -> new RegistryException.NotFound("recruiter", id));
    }

    /** The recruiters with ids above {@code afterId}, at most {@code limit} of them, by id. */
    @Transactional(readOnly = true)
    List<Recruiter> page(long afterId, int limit) {
        return sql.list("SELECT * FROM unlicensed_recruiter WHERE id > ? ORDER BY id LIMIT ?", this::recruiter, afterId, limit);
    }

    private Recruiter recruiter(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new Recruiter(id, Kind.valueOf(rs.getString("kind")), rs.getString("name"),
                sql.list("SELECT name FROM unlicensed_recruiter_alias WHERE recruiter_id = ? ORDER BY id",
                        a -> a.getString(1), id), rs.getString("country"));
    }
}
