package org.fairrecruit.registry.bulkimport;

import org.fairrecruit.registry.agency.BulkRegister;
import org.fairrecruit.registry.database.Column;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Agencies with their legal and trade names; the registration number must be new. */
@Singleton
class AgencyImport implements ImportFormat<AgencyImport.Row> {
    private final BulkRegister register;

    AgencyImport(BulkRegister register) {
        this.register = register;
    }

    record Row(int number, String registrationNumber, String legalName, String country, String address, String phone,
               String email, List<String> tradeNames) {
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
        Map<String, Long> existing = register.idsByRegistrationNumber(keyed.stream().map(Row::registrationNumber).toList());
        keyed.stream().filter(row -> existing.containsKey(key(row.registrationNumber())))
                .forEach(row -> errors.add(row.number(), "registrationNumber", "import.error.agencyExists"));
    }

    @Override
    public List<Long> write(List<Row> rows, ImportRun run) {
        return register.registerAll(rows.stream().map(row -> new BulkRegister.NewAgency(row.legalName(),
                row.registrationNumber(), row.country(), row.address(), row.phone(), row.email(), row.tradeNames())).toList(),
                run.now().toInstant(), run.rowsWritten());
    }

    private static String key(String registrationNumber) {
        return registrationNumber == null ? null : registrationNumber.toUpperCase(Locale.ROOT);
    }
}
