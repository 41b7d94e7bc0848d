package org.fairrecruit.registry.agency;

import org.fairrecruit.registry.database.Column;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.audit.AuditEvent;
import org.fairrecruit.registry.audit.AuditLog;
import org.fairrecruit.registry.changefeed.ChangeFeed;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.matching.EntityType;
import org.fairrecruit.registry.matching.MatchQuery;
import org.fairrecruit.registry.matching.RegistryNameIndex;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.RegistryException;
import org.fairrecruit.registry.kernel.ListPage;
import org.fairrecruit.registry.kernel.ListQuery;
import org.fairrecruit.registry.kernel.ListSpec;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The agency register: registering agencies, correcting them, their branches and key persons.
 * Every change is audited and announced on the change feed (the name index and mirrors follow it).
 */
@Singleton
public class AgencyRegister {
    /** The register list's sorts and filters; a search ranks at most {@link #SEARCH_LIMIT} agencies. */
    public static final ListSpec LIST = ListSpec.at("/staff/agencies")
            .sort("name", "a.legal_name").sort("registration", "a.registration_number").sort("country", "a.country")
            .sort("licence", "l.licence_number").sort("status", "l.status").sort("registered", "a.created_at")
            .relevanceWhile("q").by("name", false).tiebreak("a.id").filters("q", "status", "country").build();
    private static final int SEARCH_LIMIT = 500;
    private static final String NO_LICENCE = "NONE";
    private final Sql sql;
    private final AuditLog audit;
    private final ChangeFeed feed;
    private final RegisterSearch searcher;
    private final Clock clock;
    private final LicenceLedger licences;

    AgencyRegister(Sql sql, AuditLog audit, ChangeFeed feed, RegisterSearch searcher, Clock clock,
                   LicenceLedger licences) {
        this.licences = licences;
        this.sql = sql;
        this.audit = audit;
        this.feed = feed;
        this.searcher = searcher;
        this.clock = clock;
    }

    @Transactional
    public Agency register(String actor, AgencyInput input) {
        AgencyInput clean = validate(input, null);
        long id = sql.insert("""
                INSERT INTO agency (legal_name, registration_number, country, address, phone, email, website, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", clean.legalName(), clean.registrationNumber(), clean.country(),
                clean.address(), clean.phone(), clean.email(), clean.website(), Instant.now(clock));
        writeNames(id, clean, List.of());
        writeDestinations(id, clean.destinations());
        Agency after = get(id);
        changed(AuditEvent.of(actor, "agency.registered", "agency", id), null, after);
        return after;
    }

    /** Corrects the register entry; a changed legal name is kept as a former name. */
    @Transactional
    public Agency update(String actor, long id, long expectedVersion, AgencyInput input) {
        Agency before = get(id);
        AgencyInput clean = validate(input, id);
        int updated = sql.update("""
                UPDATE agency SET legal_name = ?, registration_number = ?, country = ?, address = ?, phone = ?,
                    email = ?, website = ?, version = version + 1 WHERE id = ? AND version = ?""",
                clean.legalName(), clean.registrationNumber(), clean.country(), clean.address(), clean.phone(),
                clean.email(), clean.website(), id, expectedVersion);
        if (updated == 0) {
            throw new RegistryException.Conflict("error.conflict", "agency", id);
        }
        List<String> former = new ArrayList<>(before.namesOf(Agency.NameKind.FORMER));
        if (!before.legalName().equals(clean.legalName()) && !former.contains(before.legalName())) {
            former.add(before.legalName());
        }
        sql.update("DELETE FROM agency_name WHERE agency_id = ?", id);
        writeNames(id, clean, former);
        sql.update("DELETE FROM agency_destination WHERE agency_id = ?", id);
        writeDestinations(id, clean.destinations());
        Agency after = get(id);
        changed(AuditEvent.of(actor, "agency.updated", "agency", id), before, after);
        return after;
    }

    @Transactional
    public Agency addBranch(String actor, long agencyId, BranchInput input) {
        return change(actor, agencyId, "agency.branch-added", () -> {
            checkBranch(input);
            sql.insert("INSERT INTO agency_branch (agency_id, name, address, country, phone, opened_on) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", agencyId, input.name().strip(), input.address().strip(),
                    upper(input.country()), blankToNull(input.phone()), input.openedOn());
        });
    }

    /** Corrects a branch's details; its closing date stays as it is. */
    @Transactional
    public Agency updateBranch(String actor, long agencyId, long branchId, BranchInput input) {
        return change(actor, agencyId, "agency.branch-updated", () -> {
            checkBranch(input);
            requireRow(sql.update("UPDATE agency_branch SET name = ?, address = ?, country = ?, phone = ?, opened_on = ? "
                    + "WHERE id = ? AND agency_id = ?", input.name().strip(), input.address().strip(),
                    upper(input.country()), blankToNull(input.phone()), input.openedOn(), branchId, agencyId),
                    "branch", branchId);
        });
    }

    private static void checkBranch(BranchInput input) {
        new InvalidInput.Collector()
                .text("name", input.name(), Column.NAME)
                .text("address", input.address(), Column.ADDRESS)
                .country("country", input.country())
                .optionalText("phone", input.phone(), Column.PHONE)
                .optionalPhone("phone", input.phone())
                .throwIfAny();
    }

    @Transactional
    public Agency closeBranch(String actor, long agencyId, long branchId, LocalDate closedOn) {
        return change(actor, agencyId, "agency.branch-closed",
                () -> endDate("agency_branch", "closed_on", "branch", agencyId, branchId, closedOn));
    }

    @Transactional
    public Agency addKeyPerson(String actor, long agencyId, KeyPersonInput input) {
        return change(actor, agencyId, "agency.key-person-added", () -> {
            checkKeyPerson(input);
            sql.insert("""
                    INSERT INTO key_person (agency_id, full_name, native_name, role, nationality, birth_year, started_on)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", agencyId, input.fullName().strip(), blankToNull(input.nativeName()),
                    input.role(), blankToNull(upper(input.nationality())), input.birthYear(), input.startedOn());
        });
    }

    /** Corrects a key person's details; the end of the role stays as it is. */
    @Transactional
    public Agency updateKeyPerson(String actor, long agencyId, long personId, KeyPersonInput input) {
        return change(actor, agencyId, "agency.key-person-updated", () -> {
            checkKeyPerson(input);
            requireRow(sql.update("""
                    UPDATE key_person SET full_name = ?, native_name = ?, role = ?, nationality = ?, birth_year = ?,
                        started_on = ? WHERE id = ? AND agency_id = ?""", input.fullName().strip(),
                    blankToNull(input.nativeName()), input.role(), blankToNull(upper(input.nationality())),
                    input.birthYear(), input.startedOn(), personId, agencyId), "key person", personId);
        });
    }

    private void checkKeyPerson(KeyPersonInput input) {
        int thisYear = LocalDate.now(clock).getYear();
        InvalidInput.Collector check = new InvalidInput.Collector()
                .text("fullName", input.fullName(), Column.NAME)
                .optionalText("nativeName", input.nativeName(), Column.NAME)
                .require(input.role() != null, "role", "field.required")
                .date("startedOn", input.startedOn())
                .require(input.birthYear() == null || (input.birthYear() > 1900 && input.birthYear() <= thisYear),
                        "birthYear", "field.year");
        if (input.nationality() != null && !input.nationality().isBlank()) {
            check.country("nationality", input.nationality());
        }
        check.throwIfAny();
    }

    private static void requireRow(int updated, String what, long rowId) {
        if (updated == 0) {
            throw new RegistryException.NotFound(what, rowId);
        }
    }

    @Transactional
    public Agency endKeyPerson(String actor, long agencyId, long personId, LocalDate endedOn) {
        return change(actor, agencyId, "agency.key-person-ended",
                () -> endDate("key_person", "ended_on", "key person", agencyId, personId, endedOn));
    }

    /** Runs one change to an agency's record and audits and announces it with the record before and after. */
    private Agency change(String actor, long agencyId, String action, Runnable change) {
        Agency before = get(agencyId);
        change.run();
        Agency after = get(agencyId);
        changed(AuditEvent.of(actor, action, "agency", agencyId), before, after);
        return after;
    }

    /** Sets the end date of a branch or key person that has none yet. */
    private void endDate(String table, String column, String what, long agencyId, long rowId, LocalDate date) {
        new InvalidInput.Collector().date("date", date).throwIfAny();
        requireRow(sql.update("UPDATE " + table + " SET " + column + " = ? WHERE id = ? AND agency_id = ? AND " + column
                + " IS NULL", date, rowId, agencyId), what, rowId);
    }

    /** Refuses {@code input} as {@link #register} would, without registering: the form's checks before a warning. */
    @Transactional(readOnly = true)
    public void check(AgencyInput input) {
        validate(input, null);
    }

    @Transactional(readOnly = true)
    public Agency get(long id) {
        return find(id).orElseThrow(() -> new RegistryException.NotFound("agency", id));
    }

    @Transactional(readOnly = true)
    public Optional<Agency> find(long id) {
        return sql.count("SELECT COUNT(*) FROM agency WHERE id = ?", id) == 0 ? Optional.empty() : Optional.of(load(id));
    }

    /** Legal names by id, for lists that name agencies. */
    @Transactional(readOnly = true)
    public Map<Long, String> legalNames(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        sql.list("SELECT id, legal_name FROM agency WHERE id IN (" + String.join(",", Collections.nCopies(ids.size(), "?"))
                + ")", rs -> names.put(rs.getLong(1), rs.getString(2)), ids.toArray());
        return names;
    }

    /** What others may show of a registered agency without loading its whole record. */
    @Serdeable
    public record Registration(long id, String legalName, String registrationNumber, String country) {
    }

    /** The registrations of these agencies by id, in a few batched queries; unknown ids are left out. */
    @Transactional(readOnly = true)
    public Map<Long, Registration> registrations(Collection<Long> agencyIds) {
        Map<Long, Registration> found = new HashMap<>();
        sql.listIn("SELECT id, legal_name, registration_number, country FROM agency WHERE id IN ", agencyIds,
                rs -> new Registration(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .forEach(registration -> found.put(registration.id(), registration));
        return found;
    }

    /** What the staff search finds ({@link RegisterSearch}), best first; with no query, the newest agencies. */
    @Transactional(readOnly = true)
    public List<AgencySummary> search(String query, int limit) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return sql.list(SUMMARY + " ORDER BY a.id DESC LIMIT ?", AgencyRegister::summary, limit);
        }
        return summaries(searcher.find(q, limit), "", List.of());
    }

    /** The licence states the list filters by, as licensing names them, plus "no licence at all". */
    public List<String> licenceStates() {
        List<String> states = new ArrayList<>(licences.statuses());
        states.add(NO_LICENCE);
        return states;
    }

    /**
     * The register as staff browse it: filtered by search words, licence status and country, sorted
     * and paged in the database (a search first ranks its candidates, then the same filters apply).
     */
    @Transactional(readOnly = true)
    public ListPage<AgencySummary> list(ListQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (query.has("status")) {
            String status = query.filter("status").toUpperCase(Locale.ROOT);
            if (!licenceStates().contains(status)) {
                throw new InvalidInput(List.of(new InvalidInput.FieldError("status", "list.filter.unknown", status)));
            }
            where.append(status.equals(NO_LICENCE) ? " AND l.id IS NULL" : " AND l.status = ?");
            if (!status.equals(NO_LICENCE)) {
                params.add(status);
            }
        }
        if (query.has("country")) {
            where.append(" AND a.country = ?");
            params.add(query.filter("country").toUpperCase(Locale.ROOT));
        }
        if (!query.has("q")) {
            long total = sql.count("SELECT COUNT(*) FROM (" + SUMMARY + where + ") matching", params.toArray());
            return query.page(sql.list(SUMMARY + where + query.orderBy() + query.limit(), AgencyRegister::summary,
                    params.toArray()), total);
        }
        List<Long> ranked = searcher.find(query.filter("q"), SEARCH_LIMIT);
        List<AgencySummary> found = summaries(ranked, where.toString(), params);
        if (!query.byRelevance()) {
            found = ranked.isEmpty() ? found : sql.list(SUMMARY + where + " AND a.id IN (" + placeholders(ranked.size())
                    + ")" + query.orderBy(), AgencyRegister::summary, concat(params, ranked));
        }
        return query.pageOf(found);
    }

    /** The countries agencies are registered in, for the list's filter. */
    @Transactional(readOnly = true)
    public List<String> countries() {
        return sql.list("SELECT DISTINCT country FROM agency ORDER BY country", rs -> rs.getString(1));
    }

    /** Summaries of {@code ids} that pass {@code where}, in the order of {@code ids}. */
    private List<AgencySummary> summaries(List<Long> ids, String where, List<Object> params) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, AgencySummary> byId = new HashMap<>();
        sql.list(SUMMARY + (where.isEmpty() ? " WHERE 1 = 1" : where) + " AND a.id IN (" + placeholders(ids.size()) + ")",
                AgencyRegister::summary, concat(params, ids)).forEach(s -> byId.put(s.id(), s));
        return ids.stream().filter(byId::containsKey).map(byId::get).toList();
    }

    private static String placeholders(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    private static Object[] concat(List<Object> params, List<Long> ids) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(ids);
        return all.toArray();
    }

    /** One line of an agency list: enough to recognise it and its licence standing. */
    @Serdeable
    public record AgencySummary(long id, String legalName, String registrationNumber, String country,
                                String licenceNumber, String licenceStatus) {
    }

    private static final String SUMMARY = """
            SELECT a.id, a.legal_name, a.registration_number, a.country, l.licence_number, l.status FROM agency a
            LEFT JOIN current_licence l ON l.agency_id = a.id""";

    private static AgencySummary summary(ResultSet rs) throws SQLException {
        return new AgencySummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6));
    }

    private Agency load(long id) {
        List<Agency.Name> agencyNames = sql.list("SELECT name, kind FROM agency_name WHERE agency_id = ? ORDER BY id",
                rs -> new Agency.Name(rs.getString(1), Agency.NameKind.valueOf(rs.getString(2))), id);
        List<Agency.Branch> branches = sql.list("SELECT * FROM agency_branch WHERE agency_id = ? ORDER BY id",
                rs -> new Agency.Branch(rs.getLong("id"), rs.getString("name"), rs.getString("address"),
                        rs.getString("country"), rs.getString("phone"), Sql.date(rs, "opened_on"),
                        Sql.date(rs, "closed_on")), id);
        List<String> destinations = sql.list(
                "SELECT country FROM agency_destination WHERE agency_id = ? ORDER BY country", rs -> rs.getString(1), id);
        List<Agency.KeyPerson> persons = sql.list("SELECT * FROM key_person WHERE agency_id = ? ORDER BY id",
                AgencyRegister::keyPerson, id);
        return sql.one("SELECT * FROM agency WHERE id = ?", rs -> new Agency(id, rs.getString("legal_name"),
                rs.getString("registration_number"), rs.getString("country"), rs.getString("address"),
                rs.getString("phone"), rs.getString("email"), rs.getString("website"), rs.getLong("version"),
                agencyNames, branches, destinations, persons), id).orElseThrow();
    }

    static Agency.KeyPerson keyPerson(ResultSet rs) throws SQLException {
        return new Agency.KeyPerson(rs.getLong("id"), rs.getString("full_name"), rs.getString("native_name"),
                Agency.PersonRole.valueOf(rs.getString("role")), rs.getString("nationality"),
                Sql.nullableInt(rs, "birth_year"), Sql.date(rs, "started_on"), Sql.date(rs, "ended_on"));
    }

    private void changed(AuditEvent event, Agency before, Agency after) {
        audit.record(event, before, after);
        feed.record(EntityKind.AGENCY, after.id());
    }

    private AgencyInput validate(AgencyInput input, Long existingId) {
        InvalidInput.Collector check = new InvalidInput.Collector()
                .text("legalName", input.legalName(), Column.NAME)
                .text("registrationNumber", input.registrationNumber(), Column.REGISTRATION_NUMBER)
                .country("country", input.country())
                .optionalText("address", input.address(), Column.ADDRESS)
                .optionalText("phone", input.phone(), Column.PHONE)
                .optionalPhone("phone", input.phone())
                .optionalEmail("email", input.email())
                .optionalText("website", input.website(), Column.WEBSITE)
                .optionalUrl("website", input.website());
        List<String> destinations = cleanList(input.destinations()).stream().map(AgencyRegister::upper).toList();
        destinations.forEach(code -> check.country("destinations", code));
        List.of(Map.entry("tradeNames", cleanList(input.tradeNames())), Map.entry("aliases", cleanList(input.aliases())),
                        Map.entry("nativeNames", cleanList(input.nativeNames())))
                .forEach(field -> field.getValue().forEach(name -> check.optionalText(field.getKey(), name, Column.NAME)));
        if (input.registrationNumber() != null && sql.count(
                "SELECT COUNT(*) FROM agency WHERE registration_number = ? AND id <> ?",
                input.registrationNumber().strip(), existingId == null ? -1 : existingId) > 0) {
            check.require(false, "registrationNumber", "agency.registrationNumber.taken");
        }
        check.throwIfAny();
        return new AgencyInput(input.legalName().strip(), input.registrationNumber().strip(), upper(input.country()),
                blankToNull(input.address()), blankToNull(input.phone()), blankToNull(input.email()),
                blankToNull(input.website()), cleanList(input.tradeNames()), cleanList(input.aliases()),
                cleanList(input.nativeNames()), destinations.stream().distinct().toList());
    }

    private void writeNames(long id, AgencyInput input, List<String> former) {
        List<Agency.Name> all = new ArrayList<>();
        all.add(new Agency.Name(input.legalName(), Agency.NameKind.LEGAL));
        input.tradeNames().forEach(n -> all.add(new Agency.Name(n, Agency.NameKind.TRADE)));
        input.aliases().forEach(n -> all.add(new Agency.Name(n, Agency.NameKind.ALIAS)));
        input.nativeNames().forEach(n -> all.add(new Agency.Name(n, Agency.NameKind.NATIVE)));
        former.forEach(n -> all.add(new Agency.Name(n, Agency.NameKind.FORMER)));
        all.forEach(n -> sql.update("INSERT INTO agency_name (agency_id, name, kind) VALUES (?, ?, ?)", id, n.name(), n.kind()));
    }

    private void writeDestinations(long id, List<String> countries) {
        countries.forEach(c -> sql.update("INSERT INTO agency_destination (agency_id, country) VALUES (?, ?)", id, c));
    }

    private static List<String> cleanList(List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String upper(String value) {
        return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
    }
}
