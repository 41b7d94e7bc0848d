package org.fairrecruit.registry.agency;

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

/** Every agency with all its names (legal, trade, alias, former, native script) for the name index. */
@Singleton
class AgencyNames implements NameSource {
    private static final String SELECT = "SELECT a.id, a.country, n.name FROM agency a "
            + "JOIN agency_name n ON n.agency_id = a.id";
    private final JdbcOperations jdbc;

    AgencyNames(JdbcOperations jdbc) {
        this.jdbc = jdbc;
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
        return jdbc.prepareStatement(SELECT + " ORDER BY a.id", ps -> read(ps.executeQuery()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MatchableEntity> one(long id) {
        return jdbc.prepareStatement(SELECT + " WHERE a.id = ?", ps -> {
            ps.setLong(1, id);
            return read(ps.executeQuery()).stream().findFirst();
        });
    }

    private List<MatchableEntity> read(ResultSet rs) throws SQLException {
        Map<Long, String> countries = new LinkedHashMap<>();
        Map<Long, List<String>> names = new LinkedHashMap<>();
        try (rs) {
            while (rs.next()) {
                countries.put(rs.getLong(1), rs.getString(2));
                names.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(3));
            }
        }
        List<MatchableEntity> entities = new ArrayList<>(names.size());
        names.forEach((id, list) -> entities.add(new MatchableEntity(matcherId(id), EntityType.AGENCY, list, countries.get(id))));
        return entities;
    }
}
