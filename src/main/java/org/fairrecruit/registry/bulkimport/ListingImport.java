package org.fairrecruit.registry.bulkimport;

import org.fairrecruit.registry.database.Column;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.agency.BulkRegister;
import org.fairrecruit.registry.licensing.Licensing;
import org.fairrecruit.registry.sanction.BulkListings;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Blacklist listings of persons and agencies, with aliases. A listing is a duplicate when the same
 * subject type and name (ignoring case) was listed on the same day, in the file or the register.
 * An agency listing may name a registered agency by its registration number; as with a listing
 * decided on its own, that agency's active or suspended licence is revoked through the licensing
 * state machine (status history, audit, decision mail) in the import's transaction.
 */
@Singleton
class ListingImport implements ImportFormat<ListingImport.Row> {
    private static final List<String> SUBJECT_TYPES = List.of("PERSON", "AGENCY");
    private static final Pattern CATEGORY = Pattern.compile("[A-Z][A-Z_]*");
    private final BulkRegister register;
    private final BulkListings listings;
    private final Licensing licensing;

    ListingImport(BulkRegister register, BulkListings listings, Licensing licensing) {
        this.register = register;
        this.listings = listings;
        this.licensing = licensing;
    }

    record Row(int number, String subjectType, String name, List<String> aliases, String nationality, Integer birthYear,
               String idDocument, String reasonCategory, String legalBasis, String caseReference, LocalDate listedOn,
               LocalDate expiresOn, String agencyRegistrationNumber) {
        String key() {
            return BulkListings.key(subjectType, name, listedOn);
        }
    }

    @Override
    public ImportKind kind() {
        return ImportKind.BLACKLIST;
    }

    @Override
    public Row read(ImportRow row) {
        String subjectType = row.oneOf("subjectType", SUBJECT_TYPES);
        String reasonCategory = row.text("reasonCategory", Column.REASON_CATEGORY, true);
        if (reasonCategory != null && !CATEGORY.matcher(reasonCategory).matches()) {
            row.refuse("reasonCategory", "import.error.category");
        }
        String agency = row.text("agencyRegistrationNumber", Column.REGISTRATION_NUMBER, false);
        if (agency != null && "PERSON".equals(subjectType)) {
            row.refuse("agencyRegistrationNumber", "import.error.agencyForPerson");
        }
        LocalDate listedOn = row.date("listedOn", true);
        LocalDate expiresOn = row.date("expiresOn", false);
        row.notBefore("expiresOn", expiresOn, listedOn);
        return new Row(row.number(), subjectType, row.text("name", Column.LISTED_NAME, true), row.names("aliases", Column.LISTED_NAME),
                row.country("nationality", false), row.year("birthYear"), row.text("idDocument", Column.ID_DOCUMENT, false),
                reasonCategory, row.text("legalBasis", Column.LEGAL_BASIS, true), row.text("caseReference", Column.CASE_REFERENCE, false), listedOn,
                expiresOn, agency);
    }

    @Override
    public void check(List<Row> rows, RowErrors errors) {
        Map<String, Integer> seen = new HashMap<>();
        List<Row> named = rows.stream().filter(row -> row.name() != null).toList();
        for (Row row : named) {
            Integer first = seen.putIfAbsent(row.key(), row.number());
            if (first != null) {
                errors.add(row.number(), "name", "import.error.duplicateInFile", first);
            }
        }
        Set<String> listed = listings.listingKeys(named.stream().map(Row::name).distinct().toList());
        named.stream().filter(row -> listed.contains(row.key()))
                .forEach(row -> errors.add(row.number(), "name", "import.error.alreadyListed"));
        Map<String, Long> agencies = register.idsByRegistrationNumber(agencyNumbers(rows));
        rows.stream().filter(row -> row.agencyRegistrationNumber() != null
                        && !agencies.containsKey(row.agencyRegistrationNumber().toUpperCase(Locale.ROOT)))
                .forEach(row -> errors.add(row.number(), "agencyRegistrationNumber", "import.error.unknownAgency"));
    }

    @Override
    public List<Long> write(List<Row> rows, ImportRun run) {
        Map<String, Long> agencies = register.idsByRegistrationNumber(agencyNumbers(rows));
        List<Long> ids = listings.listAll(rows.stream().map(row -> new BulkListings.HistoricListing(row.subjectType(),
                row.agencyRegistrationNumber() == null ? null : agencies.get(row.agencyRegistrationNumber().toUpperCase(Locale.ROOT)),
                row.name(), row.aliases(), row.nationality(), row.birthYear(), row.idDocument(), row.reasonCategory(),
                row.legalBasis(), row.caseReference(), row.listedOn(), row.expiresOn())).toList(), run.now(), run.rowsWritten());
        rows.stream().filter(row -> row.agencyRegistrationNumber() != null)
                .collect(Collectors.toMap(row -> agencies.get(row.agencyRegistrationNumber().toUpperCase(Locale.ROOT)),
                        row -> row, (first, later) -> first, LinkedHashMap::new))
                .forEach((agencyId, row) -> licensing.revokeForListing(run.actor(), agencyId,
                        "Blacklisted: " + row.reasonCategory() + " (" + run.reason() + ")", row.legalBasis(), run.proposalId()));
        return ids;
    }

    private static List<String> agencyNumbers(List<Row> rows) {
        return rows.stream().map(Row::agencyRegistrationNumber).filter(Objects::nonNull).distinct().toList();
    }
}
