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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every agency with all its names (legal, trade, alias, former, native script) for the name index. */
@Singleton
class AgencyNames implements NameSource {
    private static final String SELECT = "SELECT a.id, a.country, n.name FROM agency a "
            + "JOIN agency_name n ON n.agency_id = a.id";
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
    public List<MatchableEntity> all() {
        return entities(sql.list(SELECT + " ORDER BY a.id", Row::of));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MatchableEntity> one(long id) {
        return entities(sql.list(SELECT + " WHERE a.id = ?", Row::of, id)).stream().findFirst();
    }

    private List<MatchableEntity> entities(List<Row> rows) {
        Map<Long, String> countries = new LinkedHashMap<>();
        Map<Long, List<String>> names = new LinkedHashMap<>();
        for (Row row : rows) {
            countries.put(row.id(), row.country());
            names.computeIfAbsent(row.id(), id -> new ArrayList<>()).add(row.name());
        }
        List<MatchableEntity> entities = new ArrayList<>(names.size());
        names.forEach((id, list) -> entities.add(new MatchableEntity(matcherId(id), EntityType.AGENCY, list, countries.get(id))));
        return entities;
    }
}
