package org.fairrecruit.registry.sanction;

import org.fairrecruit.registry.kernel.PublicId;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.fairrecruit.registry.database.Sql;
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
    private final Sql sql;

    BlacklistNames(Sql sql) {
        this.sql = sql;
    }

    /** An entry with one of its aliases, or with none (alias null). */
    private record Row(long id, String subjectType, String nationality, String name, String alias) {
        static Row of(ResultSet rs) throws SQLException {
            return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
        }
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
        return entities(sql.list(SELECT + " ORDER BY e.id", Row::of));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MatchableEntity> one(long id) {
        return entities(sql.list(SELECT + " AND e.id = ?", Row::of, id)).stream().findFirst();
    }

    private List<MatchableEntity> entities(List<Row> rows) {
        Map<Long, MatchableEntity> entries = new LinkedHashMap<>();
        Map<Long, List<String>> names = new LinkedHashMap<>();
        for (Row row : rows) {
            List<String> list = names.computeIfAbsent(row.id(), key -> new ArrayList<>());
            if (list.isEmpty()) {
                list.add(row.name());
            }
            if (row.alias() != null) {
                list.add(row.alias());
            }
            EntityType type = "PERSON".equals(row.subjectType()) ? EntityType.PERSON : EntityType.AGENCY;
            entries.put(row.id(), new MatchableEntity(matcherId(row.id()), type, List.of(), row.nationality()));
        }
        List<MatchableEntity> result = new ArrayList<>(entries.size());
        entries.forEach((id, e) -> result.add(new MatchableEntity(e.id(), e.type(), names.get(id), e.country())));
        return result;
    }
}
