package org.fairrecruit.registry.agency;

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

/** Every agency with all its names (legal, trade, alias, former, native script) for the name index. */
@Singleton
class AgencyNames implements NameSource {
    /** An agency's names in the order they were added, so every load indexes them alike. */
    private static final String BY_AGENCY = " ORDER BY a.id, n.id";
    private final Sql sql;

    AgencyNames(Sql sql) {
        this.sql = sql;
    }

    /** One name of one agency. */
    private record Row(long id, String country, String name) {
        static Row of(ResultSet rs) throws SQLException {
            return new Row(rs.getLong(1), rs.getString(2), rs.getString(3));
        }
    }

    @Override
    public EntityKind kind() {
        return EntityKind.AGENCY;
    }

    @Override
    public String matcherId(long id) {
        return PublicId.AGENCY.of(id);
    }

    @Override
    @Transactional(readOnly = true)
    public SortedMap<Long, MatchableEntity> page(long afterId, int limit) {
        return entities(sql.list(names("(SELECT id, country FROM agency WHERE id > ? ORDER BY id LIMIT ?)") + BY_AGENCY,
                Row::of, afterId, limit));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MatchableEntity> one(long id) {
        return entities(sql.list(names("agency") + " WHERE a.id = ?" + BY_AGENCY, Row::of, id)).values().stream().findFirst();
    }

    /**
     * The names of the {@code agencies} (a table or a derived one, with id and country). An outer join, so
     * an agency without names still counts towards its page (and is indexed as nothing).
     */
    private static String names(String agencies) {
        return "SELECT a.id, a.country, n.name FROM " + agencies + " a LEFT JOIN agency_name n ON n.agency_id = a.id";
    }

    private SortedMap<Long, MatchableEntity> entities(List<Row> rows) {
        Map<Long, String> countries = new HashMap<>();
        SortedMap<Long, List<String>> names = new TreeMap<>();
        for (Row row : rows) {
            countries.put(row.id(), row.country());
            List<String> list = names.computeIfAbsent(row.id(), id -> new ArrayList<>());
            if (row.name() != null) {
                list.add(row.name());
            }
        }
        SortedMap<Long, MatchableEntity> entities = new TreeMap<>();
        names.forEach((id, list) -> entities.put(id, new MatchableEntity(matcherId(id), EntityType.AGENCY, list, countries.get(id))));
        return entities;
    }
}
