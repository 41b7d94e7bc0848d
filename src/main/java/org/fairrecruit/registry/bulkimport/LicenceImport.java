package org.fairrecruit.registry.bulkimport;

import org.fairrecruit.registry.database.Column;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.agency.BulkRegister;
import org.fairrecruit.registry.licensing.BulkLicences;
import org.fairrecruit.registry.licensing.LicenceStatus;
import org.fairrecruit.registry.sanction.PublishedBlacklist;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Licences of registered agencies, each with its first status-history entry (carrying the import's
 * proposal). Licence numbers are unique and never reused; a PENDING or REFUSED application has none,
 * every other licence has one and its validity dates. An import brings in the history of agencies the
 * register has no licence for yet: once an agency has one, its moves go through the licensing state
 * machine one decision at a time. An agency holds at most one current (pending, active or suspended)
 * licence, and a blacklisted agency none that is active or suspended.
 */
@Singleton
class LicenceImport implements ImportFormat<LicenceImport.Row> {
    private final BulkRegister register;
    private final BulkLicences licences;
    private final PublishedBlacklist blacklist;
    private final Clock clock;

    LicenceImport(BulkRegister register, BulkLicences licences, PublishedBlacklist blacklist, Clock clock) {
        this.register = register;
        this.licences = licences;
        this.blacklist = blacklist;
        this.clock = clock;
    }

    record Row(int number, String registrationNumber, String licenceNumber, String status, LocalDate validFrom,
               LocalDate validUntil, String conditions) {
    }

    @Override
    public ImportKind kind() {
        return ImportKind.LICENCES;
    }

    @Override
    public Row read(ImportRow row) {
        String status = row.oneOf("status", LicenceStatus.names());
        boolean numbered = status != null && LicenceStatus.valueOf(status).numbered();
        String licenceNumber = row.text("licenceNumber", Column.LICENCE_NUMBER, numbered);
        if (status != null && !numbered && licenceNumber != null) {
            row.refuse("licenceNumber", "import.error.noNumberFor", status);
        }
        LocalDate validFrom = row.date("validFrom", numbered);
        LocalDate validUntil = row.date("validUntil", numbered);
        row.notBefore("validUntil", validUntil, validFrom);
        return new Row(row.number(), row.text("registrationNumber", Column.REGISTRATION_NUMBER, true), licenceNumber, status, validFrom,
                validUntil, row.text("conditions", Column.LICENCE_CONDITIONS, false));
    }

    @Override
    public void check(List<Row> rows, RowErrors errors) {
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : rows) {
            Integer first = row.licenceNumber() == null ? null : seen.putIfAbsent(key(row.licenceNumber()), row.number());
            if (first != null) {
                errors.add(row.number(), "licenceNumber", "import.error.duplicateInFile", first);
            }
        }
        Set<String> used = licences.usedNumbers(rows.stream().map(Row::licenceNumber).filter(Objects::nonNull).toList());
        rows.stream().filter(row -> row.licenceNumber() != null && used.contains(key(row.licenceNumber())))
                .forEach(row -> errors.add(row.number(), "licenceNumber", "import.error.licenceNumberUsed"));
        Map<String, Long> agencies = register.idsByRegistrationNumber(rows.stream().map(Row::registrationNumber)
                .filter(Objects::nonNull).toList());
        rows.stream().filter(row -> row.registrationNumber() != null && !agencies.containsKey(key(row.registrationNumber())))
                .forEach(row -> errors.add(row.number(), "registrationNumber", "import.error.unknownAgency"));
        Set<Long> listed = blacklist.listedAgencies(agencies.values(), LocalDate.now(clock));
        rows.stream().filter(row -> row.status() != null && LicenceStatus.valueOf(row.status()).inForce() && listed.contains(agencies.get(key(row.registrationNumber()))))
                .forEach(row -> errors.add(row.number(), "status", "import.error.blacklistedAgency"));
        Set<Long> licensed = licences.agenciesWithLicences(agencies.values());
        rows.stream().filter(row -> row.registrationNumber() != null && licensed.contains(agencies.get(key(row.registrationNumber()))))
                .forEach(row -> errors.add(row.number(), "registrationNumber", "import.error.agencyHasLicence"));
        Map<String, Integer> current = new HashMap<>();
        rows.stream().filter(row -> row.registrationNumber() != null && row.status() != null && LicenceStatus.valueOf(row.status()).holdsOrAwaits())
                .forEach(row -> {
            Integer first = current.putIfAbsent(key(row.registrationNumber()), row.number());
            if (first != null) {
                errors.add(row.number(), "status", "import.error.secondCurrentLicence", first);
            }
        });
    }

    @Override
    public List<Long> write(List<Row> rows, ImportRun run) {
        Map<String, Long> agencies = register.idsByRegistrationNumber(rows.stream().map(Row::registrationNumber).toList());
        return licences.recordAll(rows.stream().map(row -> new BulkLicences.HistoricLicence(
                        agencies.get(key(row.registrationNumber())), row.licenceNumber(), LicenceStatus.valueOf(row.status()),
                        row.validFrom(), row.validUntil(), row.conditions())).toList(),
                new BulkLicences.Provenance(run.actor(), run.reason(), run.proposalId(), run.now()), run.rowsWritten());
    }

    private static String key(String number) {
        return number == null ? null : number.toUpperCase(Locale.ROOT);
    }
}
