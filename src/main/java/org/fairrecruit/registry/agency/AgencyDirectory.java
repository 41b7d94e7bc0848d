package org.fairrecruit.registry.agency;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What other capabilities read of many agencies at once, in the caller's transaction and a few batched
 * queries: the register's read model for lists and screening, so that none of them queries its tables.
 * Lists that page and sort by an agency's name in the database join the view {@code agency_listing}.
 */
@Singleton
public class AgencyDirectory {
    private final Sql sql;

    AgencyDirectory(Sql sql) {
        this.sql = sql;
    }

    /** The trade names of every agency that has one, by agency id, in the order they were registered. */
    @Transactional(readOnly = true)
    public Map<Long, List<String>> tradeNames() {
        Map<Long, List<String>> names = new HashMap<>();
        sql.list("SELECT agency_id, name FROM agency_name WHERE kind = ? ORDER BY id",
                rs -> names.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2)),
                Agency.NameKind.TRADE);
        return names;
    }

    /** The key persons of these agencies, past and current, by agency id (agencies without any are left out). */
    @Transactional(readOnly = true)
    public Map<Long, List<Agency.KeyPerson>> keyPersons(Collection<Long> agencyIds) {
        Map<Long, List<Agency.KeyPerson>> persons = new HashMap<>();
        sql.listIn("SELECT * FROM key_person WHERE agency_id IN ", agencyIds, rs -> persons
                .computeIfAbsent(rs.getLong("agency_id"), id -> new ArrayList<>()).add(AgencyRegister.keyPerson(rs)));
        persons.values().forEach(list -> list.sort(Comparator.comparingLong(Agency.KeyPerson::id)));
        return persons;
    }
}
