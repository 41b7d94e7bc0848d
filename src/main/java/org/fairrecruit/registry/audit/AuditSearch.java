package org.fairrecruit.registry.audit;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.ListPage;
import org.fairrecruit.registry.kernel.ListQuery;
import org.fairrecruit.registry.kernel.ListSpec;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The investigator's audit search: by entity, actor and period, paged. An agency's trail takes in
 * its licences and their applications, found through the agency and licence ids their own audit
 * snapshots carry (the trail is self-contained: no other capability's table is read).
 */
@Singleton
class AuditSearch {
    static final ListSpec LIST = ListSpec.at("/audit").export("/audit/export.csv")
            .sort("seq", "seq").sort("actor", "actor").sort("entity", "entity_type")
            .by("seq", true).tiebreak("seq").filters("type", "id", "actor", "from", "to").build();
    private static final String AGENCY = "agency";
    private final Sql sql;

    AuditSearch(Sql sql) {
        this.sql = sql;
    }

    @Transactional(readOnly = true)
    public ListPage<AuditEntry> search(ListQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        LocalDate from = date(query, "from");
        LocalDate to = date(query, "to");
        if (query.has("type") && query.has("id") && query.filter("type").equals(AGENCY)) {
            String agencyId = query.filter("id");
            List<String> licences = ids("SELECT DISTINCT entity_id FROM audit_entry WHERE entity_type = 'licence'"
                    + " AND (JSON_UNQUOTE(JSON_EXTRACT(after_state, '$.agencyId')) = ? OR JSON_UNQUOTE(JSON_EXTRACT(before_state, '$.agencyId')) = ?)",
                    List.of(agencyId, agencyId));
            List<String> applications = licences.isEmpty() ? List.of() : ids("SELECT DISTINCT entity_id FROM audit_entry"
                    + " WHERE entity_type = 'application' AND (JSON_UNQUOTE(JSON_EXTRACT(after_state, '$.licenceId')) IN (" + marks(licences)
                    + ") OR JSON_UNQUOTE(JSON_EXTRACT(before_state, '$.licenceId')) IN (" + marks(licences) + "))", concat(licences, licences));
            where.append(" AND ((entity_type = 'agency' AND entity_id = ?)");
            params.add(agencyId);
            within(where, params, "licence", licences);
            within(where, params, "application", applications);
            where.append(")");
        } else {
            if (query.has("type")) {
                where.append(" AND entity_type = ?");
                params.add(query.filter("type"));
            }
            if (query.has("id")) {
                where.append(" AND entity_id = ?");
                params.add(query.filter("id"));
            }
        }
        if (query.has("actor")) {
            where.append(" AND actor = ?");
            params.add(query.filter("actor"));
        }
        if (from != null) {
            where.append(" AND occurred_at >= ?");
            params.add(from.atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (to != null) {
            where.append(" AND occurred_at < ?");
            params.add(to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        long total = sql.count("SELECT COUNT(*) FROM audit_entry" + where, params.toArray());
        List<AuditEntry> entries = sql.list(AuditQueries.SELECT + where + query.orderBy() + query.limit(), AuditQueries::read,
                params.toArray());
        return query.page(entries, total);
    }

    /** The entity types the trail holds, for the filter's choices. */
    @Transactional(readOnly = true)
    public List<String> entityTypes() {
        return ids("SELECT DISTINCT entity_type FROM audit_entry ORDER BY entity_type", List.of());
    }

    private static void within(StringBuilder where, List<Object> params, String type, List<String> ids) {
        if (!ids.isEmpty()) {
            where.append(" OR (entity_type = '").append(type).append("' AND entity_id IN (").append(marks(ids)).append("))");
            params.addAll(ids);
        }
    }

    private List<String> ids(String query, List<?> params) {
        return sql.list(query, rs -> rs.getString(1), params.toArray());
    }

    private static LocalDate date(ListQuery query, String field) {
        if (!query.has(field)) {
            return null;
        }
        try {
            return LocalDate.parse(query.filter(field));
        } catch (DateTimeParseException e) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError(field, "list.filter.date", query.filter(field))));
        }
    }

    private static String marks(List<String> ids) {
        return String.join(",", Collections.nCopies(ids.size(), "?"));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

}
