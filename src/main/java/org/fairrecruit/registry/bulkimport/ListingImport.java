package org.fairrecruit.registry.bulkimport;

import org.fairrecruit.registry.database.Column;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.changefeed.ChangeFeed;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.fairrecruit.registry.licensing.Licensing;

import java.time.LocalDate;
import java.util.ArrayList;
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
    private final RegisterTables tables;
    private final ChangeFeed feed;
    private final Licensing licensing;

    ListingImport(RegisterTables tables, ChangeFeed feed, Licensing licensing) {
        this.tables = tables;
        this.feed = feed;
        this.licensing = licensing;
    }

    record Row(int number, String subjectType, String name, List<String> aliases, String nationality, Integer birthYear,
               String idDocument, String reasonCategory, String legalBasis, String caseReference, LocalDate listedOn,
               LocalDate expiresOn, String agencyRegistrationNumber) {
        String key() {
            return ListingImport.key(subjectType, name, String.valueOf(listedOn));
        }
    }

    private record Alias(long entryId, String name) {
    }

    static String key(String subjectType, String name, String listedOn) {
        return subjectType + "|" + name.toLowerCase(Locale.ROOT) + "|" + listedOn;
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
        Set<String> listed = tables.listingKeys(named.stream().map(Row::name).distinct().toList());
        named.stream().filter(row -> listed.contains(row.key()))
                .forEach(row -> errors.add(row.number(), "name", "import.error.alreadyListed"));
        Map<String, Long> agencies = tables.agencyIds(agencyNumbers(rows));
        rows.stream().filter(row -> row.agencyRegistrationNumber() != null
                        && !agencies.containsKey(row.agencyRegistrationNumber().toUpperCase(Locale.ROOT)))
                .forEach(row -> errors.add(row.number(), "agencyRegistrationNumber", "import.error.unknownAgency"));
    }

    @Override
    public List<Long> write(List<Row> rows, ImportRun run) {
        Map<String, Long> agencies = tables.agencyIds(agencyNumbers(rows));
        List<Long> ids = tables.insert("INSERT INTO blacklist_entry (subject_type, agency_id, name, nationality, "
                + "birth_year, id_document, reason_category, legal_basis, case_reference, listed_on, expires_on, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, (ps, row) -> {
            ps.setString(1, row.subjectType());
            ps.setObject(2, row.agencyRegistrationNumber() == null ? null
                    : agencies.get(row.agencyRegistrationNumber().toUpperCase(Locale.ROOT)));
            ps.setString(3, row.name());
            ps.setString(4, row.nationality());
            ps.setObject(5, row.birthYear());
            ps.setString(6, row.idDocument());
            ps.setString(7, row.reasonCategory());
            ps.setString(8, row.legalBasis());
            ps.setString(9, row.caseReference());
            ps.setObject(10, row.listedOn());
            ps.setObject(11, row.expiresOn());
            ps.setTimestamp(12, run.now());
        }, run);
        List<Alias> aliases = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            long id = ids.get(i);
            rows.get(i).aliases().forEach(alias -> aliases.add(new Alias(id, alias)));
        }
        tables.insert("INSERT INTO blacklist_alias (entry_id, name) VALUES (?, ?)", aliases, (ps, alias) -> {
            ps.setLong(1, alias.entryId());
            ps.setString(2, alias.name());
        }, null);
        feed.recordAll(EntityKind.BLACKLIST_ENTRY, ids);
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
