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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Blacklisted persons and unregistered blacklisted businesses, with their aliases, for the name
 * index. A blacklisted registered agency is found through the agency itself. Delisted entries are
 * not searchable.
 */
@Singleton
class BlacklistNames implements NameSource {
    private static final String SEARCHABLE = "SELECT id, subject_type, nationality, name FROM blacklist_entry "
            + "WHERE agency_id IS NULL AND delisted_on IS NULL AND (expires_on IS NULL OR expires_on >= CURRENT_DATE)";
    /** An entry's aliases in the order they were added, so every load indexes them alike. */
    private static final String BY_ENTRY = " ORDER BY e.id, a.id";
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
    public SortedMap<Long, MatchableEntity> page(long afterId, int limit) {
        return entities(sql.list(withAliases(SEARCHABLE + " AND id > ? ORDER BY id LIMIT ?") + BY_ENTRY, Row::of, afterId, limit));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MatchableEntity> one(long id) {
        return entities(sql.list(withAliases(SEARCHABLE + " AND id = ?") + BY_ENTRY, Row::of, id)).values().stream().findFirst();
    }

    /** The searchable entries that {@code entries} selects, each with one of its aliases or with none. */
    private static String withAliases(String entries) {
        return "SELECT e.id, e.subject_type, e.nationality, e.name, a.name FROM (" + entries + ") e "
                + "LEFT JOIN blacklist_alias a ON a.entry_id = e.id";
    }

    private SortedMap<Long, MatchableEntity> entities(List<Row> rows) {
        Map<Long, Row> entries = new HashMap<>();
        Map<Long, List<String>> names = new HashMap<>();
        for (Row row : rows) {
            entries.putIfAbsent(row.id(), row);
            List<String> list = names.computeIfAbsent(row.id(), id -> new ArrayList<>(List.of(row.name())));
            if (row.alias() != null) {
                list.add(row.alias());
            }
        }
        SortedMap<Long, MatchableEntity> result = new TreeMap<>();
        entries.forEach((id, entry) -> {
            EntityType type = "PERSON".equals(entry.subjectType()) ? EntityType.PERSON : EntityType.AGENCY;
            result.put(id, new MatchableEntity(matcherId(id), type, names.get(id), entry.nationality()));
        });
        return result;
    }
}
