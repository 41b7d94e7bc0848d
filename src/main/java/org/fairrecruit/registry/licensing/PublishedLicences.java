package org.fairrecruit.registry.licensing;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The public licence register: every licence that was ever issued a number, whatever its status
 * now. Applications still PENDING or REFUSED have no number and are not published.
 */
@Singleton
public class PublishedLicences {
    private final JdbcOperations jdbc;

    PublishedLicences(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<PublicLicence> all() {
        Map<Long, List<String>> tradeNames = tradeNames();
        return jdbc.prepareStatement("""
                SELECT l.id, l.licence_number, l.status, l.valid_from, l.valid_until, l.conditions,
                       a.id, a.legal_name, a.registration_number, a.country, a.address
                FROM licence l JOIN agency a ON a.id = l.agency_id
                WHERE l.licence_number IS NOT NULL ORDER BY l.id""", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                List<PublicLicence> licences = new ArrayList<>();
                while (rs.next()) {
                    long agencyId = rs.getLong(7);
                    licences.add(new PublicLicence(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6),
                            agencyId, rs.getString(8), tradeNames.getOrDefault(agencyId, List.of()), rs.getString(9),
                            rs.getString(10), rs.getString(11)));
                }
                return licences;
            }
        });
    }

    private Map<Long, List<String>> tradeNames() {
        return jdbc.prepareStatement("SELECT agency_id, name FROM agency_name WHERE kind = 'TRADE' ORDER BY id", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                Map<Long, List<String>> names = new HashMap<>();
                while (rs.next()) {
                    names.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
                }
                return names;
            }
        });
    }
}
