package org.fairrecruit.registry.sanction;

import org.fairrecruit.registry.kernel.PublicId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.fairrecruit.registry.matching.EntityType;
import org.fairrecruit.registry.matching.MatchableEntity;
import org.fairrecruit.registry.matching.NameSource;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Blacklisted persons and unregistered blacklisted businesses, with their aliases, for the name
 * index. A blacklisted registered agency is found through the agency itself. Delisted entries are
 * not searchable.
 */
@Singleton
class BlacklistNames implements NameSource {
    private static final String SELECT = "SELECT e.id, e.subject_type, e.nationality, e.name, a.name "
            + "FROM blacklist_entry e LEFT JOIN blacklist_alias a ON a.entry_id = e.id "
            + "WHERE e.agency_id IS NULL AND e.delisted_on IS NULL"
            + " AND (e.expires_on IS NULL OR e.expires_on >= CURRENT_DATE)";
    private final JdbcOperations jdbc;

    BlacklistNames(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public EntityKind kind() {
        return EntityKind.BLACKLIST_ENTRY;
    }

    @Override
    public String matcherId(long id) {
        return PublicId.BLACKLIST.of(id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<MatchableEntity> all() {
        return jdbc.prepareStatement(SELECT + " ORDER BY e.id", ps -> read(ps.executeQuery()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MatchableEntity> one(long id) {
        return jdbc.prepareStatement(SELECT + " AND e.id = ?", ps -> {
            ps.setLong(1, id);
            return read(ps.executeQuery()).stream().findFirst();
        });
    }

    private List<MatchableEntity> read(ResultSet rs) throws SQLException {
        Map<Long, MatchableEntity> entries = new LinkedHashMap<>();
        Map<Long, List<String>> names = new LinkedHashMap<>();
        try (rs) {
            while (rs.next()) {
                long id = rs.getLong(1);
                List<String> list = names.computeIfAbsent(id, key -> new ArrayList<>());
                if (list.isEmpty()) {
                    list.add(rs.getString(4));
                }
                if (rs.getString(5) != null) {
                    list.add(rs.getString(5));
                }
                EntityType type = "PERSON".equals(rs.getString(2)) ? EntityType.PERSON : EntityType.AGENCY;
                entries.put(id, new MatchableEntity(matcherId(id), type, List.of(), rs.getString(3)));
            }
        }
        List<MatchableEntity> result = new ArrayList<>(entries.size());
        entries.forEach((id, e) -> result.add(new MatchableEntity(e.id(), e.type(), names.get(id), e.country())));
        return result;
    }
}
