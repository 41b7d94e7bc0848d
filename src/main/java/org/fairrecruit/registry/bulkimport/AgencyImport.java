package org.fairrecruit.registry.bulkimport;

import org.fairrecruit.registry.database.Column;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.changefeed.ChangeFeed;
import org.fairrecruit.registry.changefeed.EntityKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Agencies with their legal and trade names; the registration number must be new. */
@Singleton
class AgencyImport implements ImportFormat<AgencyImport.Row> {
    private final RegisterTables tables;
    private final ChangeFeed feed;

    AgencyImport(RegisterTables tables, ChangeFeed feed) {
        this.tables = tables;
        this.feed = feed;
    }

    record Row(int number, String registrationNumber, String legalName, String country, String address, String phone,
               String email, List<String> tradeNames) {
    }

    private record Name(long agencyId, String name, String kind) {
    }

    @Override
    public ImportKind kind() {
        return ImportKind.AGENCIES;
    }

    @Override
    public Row read(ImportRow row) {
        return new Row(row.number(), row.text("registrationNumber", Column.REGISTRATION_NUMBER, true), row.text("legalName", Column.NAME, true),
                row.country("country", true), row.text("address", Column.ADDRESS, false), row.text("phone", Column.PHONE, false),
                row.email("email"), row.names("tradeNames", Column.NAME));
    }

    @Override
    public void check(List<Row> rows, RowErrors errors) {
        Map<String, Integer> seen = new HashMap<>();
        List<Row> keyed = rows.stream().filter(row -> row.registrationNumber() != null).toList();
        for (Row row : keyed) {
            Integer first = seen.putIfAbsent(key(row.registrationNumber()), row.number());
            if (first != null) {
                errors.add(row.number(), "registrationNumber", "import.error.duplicateInFile", first);
            }
        }
        Map<String, Long> existing = tables.agencyIds(keyed.stream().map(Row::registrationNumber).toList());
        keyed.stream().filter(row -> existing.containsKey(key(row.registrationNumber())))
                .forEach(row -> errors.add(row.number(), "registrationNumber", "import.error.agencyExists"));
    }

    @Override
    public List<Long> write(List<Row> rows, ImportRun run) {
        List<Long> ids = tables.insert("INSERT INTO agency (legal_name, registration_number, country, address, phone, "
                + "email, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows, (ps, row) -> {
            ps.setString(1, row.legalName());
            ps.setString(2, row.registrationNumber());
            ps.setString(3, row.country());
            ps.setString(4, row.address());
            ps.setString(5, row.phone());
            ps.setString(6, row.email());
            ps.setTimestamp(7, run.now());
        }, run);
        List<Name> names = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            long id = ids.get(i);
            names.add(new Name(id, rows.get(i).legalName(), "LEGAL"));
            rows.get(i).tradeNames().forEach(name -> names.add(new Name(id, name, "TRADE")));
        }
        tables.insert("INSERT INTO agency_name (agency_id, name, kind) VALUES (?, ?, ?)", names, (ps, name) -> {
            ps.setLong(1, name.agencyId());
            ps.setString(2, name.name());
            ps.setString(3, name.kind());
        }, null);
        feed.recordAll(EntityKind.AGENCY, ids);
        return ids;
    }

    private static String key(String registrationNumber) {
        return registrationNumber == null ? null : registrationNumber.toUpperCase(Locale.ROOT);
    }
}
