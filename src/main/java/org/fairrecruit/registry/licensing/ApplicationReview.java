package org.fairrecruit.registry.licensing;

import org.fairrecruit.registry.database.Column;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import io.micronaut.context.event.ApplicationEventPublisher;
import org.fairrecruit.registry.agency.AgencyRegister;
import org.fairrecruit.registry.approval.SubjectChanged;
import org.fairrecruit.registry.audit.AuditEvent;
import org.fairrecruit.registry.audit.AuditLog;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.matching.Verdict;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.RegistryException;
import org.fairrecruit.registry.kernel.ListPage;
import org.fairrecruit.registry.kernel.ListQuery;
import org.fairrecruit.registry.kernel.ListSpec;
import org.fairrecruit.registry.kernel.PublicId;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The review of a licence application: its checklist, documents, reviewer notes and screening. */
@Singleton
public class ApplicationReview {
    /** Document types an officer may attach: what applicants actually send. */
    public static final Set<String> DOCUMENT_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");
    private static final String REVIEWED_HIT = """
            SELECT h.*, c.proposal_id, c.proposed_by, c.cleared_by, c.cleared_at FROM application_screening_hit h
            LEFT JOIN screening_clearance c ON c.application_id = h.application_id AND c.subject = h.subject
                AND c.matched_id = h.matched_id""";
    private final Sql sql;
    private final AuditLog audit;
    private final AgencyRegister agencies;
    private final ApplicationScreening screening;
    private final LicensingSettings settings;
    private final AgencyListings listings;
    private final ApplicationEventPublisher<SubjectChanged> events;
    private final Clock clock;

    ApplicationReview(Sql sql, AuditLog audit, AgencyRegister agencies, ApplicationScreening screening,
                      LicensingSettings settings, AgencyListings listings, ApplicationEventPublisher<SubjectChanged> events,
                      Clock clock) {
        this.listings = listings;
        this.events = events;
        this.sql = sql;
        this.audit = audit;
        this.agencies = agencies;
        this.screening = screening;
        this.settings = settings;
        this.clock = clock;
    }

    @Serdeable
    public record Document(long id, String fileName, String contentType, long sizeBytes, String sha256,
                           String uploadedBy, Instant uploadedAt) {
    }

    @Serdeable
    public record Note(String author, String body, Instant writtenAt) {
    }

    /**
     * A stored screening hit as the application page shows it: the listed person's public facts when it matched a
     * blacklist entry, and the four-eyes clearance, once approved, that it is someone else.
     */
    @Serdeable
    public record ReviewedHit(long id, long applicationId, ScreeningHit hit, ListedPerson listed, Clearance clearance) {
        /** A MATCH stops the grant until a supervisor other than the proposer approved clearing it. */
        public boolean needsClearance() {
            return hit.verdict() == Verdict.MATCH && clearance == null;
        }
    }

    @Serdeable
    public record Clearance(long proposalId, String proposedBy, String clearedBy, Instant clearedAt) {
    }

    @Serdeable
    public record ChecklistItem(String item, String checkedBy, Instant checkedAt) {
        public boolean checked() {
            return checkedBy != null;
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Application open(String actor, Licence licence, Application.Kind kind) {
        long id = sql.insert("INSERT INTO licence_application (licence_id, kind, status, filed_on, filed_by) "
                + "VALUES (?, ?, 'OPEN', ?, ?)", licence.id(), kind, LocalDate.now(clock), actor);
        storeScreening(id, licence.agencyId());
        Application application = get(id);
        audit.record(AuditEvent.of(actor, "application.filed", "application", id), null, application);
        return application;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void close(String actor, Application application, Application.Status status) {
        sql.update("UPDATE licence_application SET status = ?, decided_at = ?, version = version + 1 WHERE id = ?",
                status, Instant.now(clock), application.id());
        audit.record(AuditEvent.of(actor, "application." + status.name().toLowerCase(), "application", application.id()),
                application, get(application.id()));
        hitsChanged(actor, reviewedHits(application.id()));
    }

    /** The application, open and unchanged since the caller read it. */
    Application decidable(long id, long expectedVersion) {
        Application application = get(id);
        if (!application.open()) {
            throw new RegistryException.Conflict("licence.error.applicationDecided");
        }
        if (application.version() != expectedVersion) {
            throw new RegistryException.Conflict("error.conflict", "application", id);
        }
        return application;
    }

    @Transactional
    public void check(String actor, long applicationId, String item, boolean checked) {
        Application application = get(applicationId);
        if (!settings.checklist().contains(item)) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("item", "field.invalid")));
        }
        requireOpen(application);
        if (checked) {
            sql.update("INSERT IGNORE INTO application_checklist (application_id, item, checked_by, checked_at) "
                    + "VALUES (?, ?, ?, ?)", applicationId, item, actor, Instant.now(clock));
        } else {
            sql.update("DELETE FROM application_checklist WHERE application_id = ? AND item = ?", applicationId, item);
        }
        audit.record(new AuditEvent(actor, checked ? "application.item-checked" : "application.item-unchecked",
                "application", String.valueOf(applicationId), item), null, null);
    }

    @Transactional
    public Document attach(String actor, long applicationId, String fileName, String contentType, byte[] content) {
        Application application = get(applicationId);
        requireOpen(application);
        new InvalidInput.Collector()
                .require(content.length > 0, "document", "field.required")
                .require(contentType != null && DOCUMENT_TYPES.contains(contentType), "document", "document.type")
                .text("document", fileName, Column.DOCUMENT_FILE_NAME)
                .throwIfAny();
        String sha256 = sha256(content);
        long id = sql.insert("""
                INSERT INTO application_document (application_id, file_name, content_type, size_bytes, sha256, content,
                    uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                applicationId, fileName.strip(), contentType, (long) content.length, sha256, content, actor,
                Instant.now(clock));
        Document document = documents(applicationId).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
        audit.record(AuditEvent.of(actor, "application.document-attached", "application", applicationId), null, document);
        return document;
    }

    @Transactional
    public void note(String actor, long applicationId, String body) {
        requireOpen(get(applicationId));
        new InvalidInput.Collector().text("note", body, Column.APPLICATION_NOTE).throwIfAny();
        sql.insert("INSERT INTO application_note (application_id, author, body, written_at) VALUES (?, ?, ?, ?)",
                applicationId, actor, body.strip(), Instant.now(clock));
        audit.record(AuditEvent.of(actor, "application.note-added", "application", applicationId), null, body.strip());
    }

    /** Screens again, e.g. after key persons changed or the blacklist grew. */
    @Transactional
    public void rescreen(String actor, long applicationId) {
        Application application = get(applicationId);
        requireOpen(application);
        List<ReviewedHit> before = reviewedHits(applicationId);
        sql.update("DELETE FROM application_screening_hit WHERE application_id = ?", applicationId);
        storeScreening(applicationId, licenceAgency(application.licenceId()));
        audit.record(AuditEvent.of(actor, "application.screened", "application", applicationId), null,
                screeningHits(applicationId));
        hitsChanged(actor, before);
    }

    @Transactional(readOnly = true)
    public Application get(long id) {
        return sql.one("SELECT * FROM licence_application WHERE id = ?", ApplicationReview::application, id)
                .orElseThrow(() -> new RegistryException.NotFound("application", id));
    }

    /** The applications list: filtered by status, kind and filing officer; newest filing first. */
    public static final ListSpec LIST = ListSpec.at("/staff/applications").sort("filed", "x.filed_on")
            .sort("agency", "a.legal_name").sort("status", "x.status").by("filed", true).tiebreak("x.id")
            .filters("status", "kind", "officer").build();
    private static final String FILED = """
            SELECT x.id, l.agency_id, a.legal_name, l.licence_number, x.kind, x.status, x.filed_by, x.filed_on, l.valid_until
            FROM licence_application x JOIN licence l ON l.id = x.licence_id JOIN agency_listing a ON a.id = l.agency_id""";

    /** An application as lists show it, with the date it is due for decision. */
    @Serdeable
    public record Filed(long id, long agencyId, String agencyName, String licenceNumber, Application.Kind kind,
                        Application.Status status, String filedBy, LocalDate filedOn, LocalDate dueOn) {
        public boolean overdue(LocalDate today) {
            return status == Application.Status.OPEN && dueOn.isBefore(today);
        }
    }

    /** The open applications {@code officer} filed, soonest due first. */
    @Transactional(readOnly = true)
    public List<Filed> openFiledBy(String officer) {
        return sql.list(FILED + " WHERE x.status = 'OPEN' AND x.filed_by = ?", this::filed, officer).stream()
                .sorted(java.util.Comparator.comparing(Filed::dueOn)).toList();
    }

    @Transactional(readOnly = true)
    public ListPage<Filed> list(ListQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new java.util.ArrayList<>();
        Application.Status status = query.choice("status", Application.Status.class);
        if (status != null) {
            where.append(" AND x.status = ?");
            params.add(status.name());
        }
        Application.Kind kind = query.choice("kind", Application.Kind.class);
        if (kind != null) {
            where.append(" AND x.kind = ?");
            params.add(kind.name());
        }
        if (query.has("officer")) {
            where.append(" AND x.filed_by = ?");
            params.add(query.filter("officer"));
        }
        long total = sql.count("SELECT COUNT(*) FROM (" + FILED + where + ") matching", params.toArray());
        return query.page(sql.list(FILED + where + query.orderBy() + query.limit(), this::filed, params.toArray()), total);
    }

    private Filed filed(ResultSet rs) throws SQLException {
        Application.Kind kind = Application.Kind.valueOf(rs.getString(5));
        LocalDate filedOn = Sql.date(rs, "filed_on");
        LocalDate due = filedOn.plusDays(settings.decisionDays());
        LocalDate ends = Sql.date(rs, "valid_until");
        if (kind == Application.Kind.RENEWAL && ends != null && ends.isBefore(due)) {
            due = ends;
        }
        return new Filed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), kind,
                Application.Status.valueOf(rs.getString(6)), rs.getString(7), filedOn, due);
    }

    @Transactional(readOnly = true)
    public Optional<Application> openFor(long licenceId) {
        return sql.one("SELECT * FROM licence_application WHERE licence_id = ? AND status = 'OPEN'",
                ApplicationReview::application, licenceId);
    }

    @Transactional(readOnly = true)
    public List<Application> forLicence(long licenceId) {
        return sql.list("SELECT * FROM licence_application WHERE licence_id = ? ORDER BY id DESC",
                ApplicationReview::application, licenceId);
    }

    @Transactional(readOnly = true)
    public List<ChecklistItem> checklist(long applicationId) {
        List<ChecklistItem> done = sql.list("SELECT item, checked_by, checked_at FROM application_checklist "
                + "WHERE application_id = ?", rs -> new ChecklistItem(rs.getString(1), rs.getString(2),
                Sql.instant(rs, "checked_at")), applicationId);
        return settings.checklist().stream().map(item -> done.stream().filter(d -> d.item().equals(item)).findFirst()
                .orElse(new ChecklistItem(item, null, null))).toList();
    }

    @Transactional(readOnly = true)
    public List<String> missingChecklist(Application application) {
        return checklist(application.id()).stream().filter(i -> !i.checked()).map(ChecklistItem::item).toList();
    }

    /** Whether a MATCH still waits for its four-eyes clearance. */
    @Transactional(readOnly = true)
    public boolean hasUnclearedMatch(Application application) {
        return reviewedHits(application.id()).stream().anyMatch(ReviewedHit::needsClearance);
    }

    @Transactional(readOnly = true)
    public List<ReviewedHit> reviewedHits(long applicationId) {
        return sql.list(REVIEWED_HIT + " WHERE h.application_id = ? ORDER BY h.score DESC, h.id", this::reviewedHit,
                applicationId);
    }

    @Transactional(readOnly = true)
    public Optional<ReviewedHit> reviewedHit(long hitId) {
        return sql.one(REVIEWED_HIT + " WHERE h.id = ?", this::reviewedHit, hitId);
    }

    private ReviewedHit reviewedHit(ResultSet rs) throws SQLException {
        ScreeningHit hit = screeningHit(rs);
        ListedPerson listed = PublicId.BLACKLIST.parse(hit.matchedId()).flatMap(listings::listed).orElse(null);
        Clearance clearance = rs.getObject("proposal_id") == null ? null : new Clearance(rs.getLong("proposal_id"),
                rs.getString("proposed_by"), rs.getString("cleared_by"), Sql.instant(rs, "cleared_at"));
        return new ReviewedHit(rs.getLong("id"), rs.getLong("application_id"), hit, listed, clearance);
    }

    /** Open clearance proposals on these hits may no longer apply (the application was decided or screened again). */
    private void hitsChanged(String actor, List<ReviewedHit> hits) {
        hits.forEach(hit -> events.publishEvent(new SubjectChanged(ScreeningClearances.SUBJECT, hit.id(), actor)));
    }

    @Transactional(readOnly = true)
    public List<ScreeningHit> screeningHits(long applicationId) {
        return sql.list("SELECT * FROM application_screening_hit WHERE application_id = ? ORDER BY score DESC, id",
                ApplicationReview::screeningHit, applicationId);
    }

    private static ScreeningHit screeningHit(ResultSet rs) throws SQLException {
        return new ScreeningHit(rs.getString("subject"), rs.getString("list_name"), rs.getString("matched_id"),
                rs.getString("matched_name"), rs.getDouble("score"), Verdict.valueOf(rs.getString("verdict")),
                rs.getString("explanation"), Sql.instant(rs, "screened_at"));
    }

    @Transactional(readOnly = true)
    public List<Document> documents(long applicationId) {
        return sql.list("SELECT id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at "
                + "FROM application_document WHERE application_id = ? ORDER BY id", rs -> new Document(rs.getLong(1),
                rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                Sql.instant(rs, "uploaded_at")), applicationId);
    }

    @Transactional(readOnly = true)
    public Optional<byte[]> documentContent(long applicationId, long documentId) {
        return sql.one("SELECT content FROM application_document WHERE id = ? AND application_id = ?",
                rs -> rs.getBytes(1), documentId, applicationId);
    }

    @Transactional(readOnly = true)
    public List<Note> notes(long applicationId) {
        return sql.list("SELECT author, body, written_at FROM application_note WHERE application_id = ? ORDER BY id",
                rs -> new Note(rs.getString(1), rs.getString(2), Sql.instant(rs, "written_at")), applicationId);
    }

    private void storeScreening(long applicationId, long agencyId) {
        screening.screen(agencies.get(agencyId)).forEach(hit -> sql.update("""
                INSERT INTO application_screening_hit (application_id, screened_at, subject, list_name, matched_id,
                    matched_name, score, verdict, explanation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                applicationId, hit.screenedAt(), hit.subject(), hit.list(), hit.matchedId(), hit.matchedName(),
                Math.round(hit.score() * 1000) / 1000.0, hit.verdict(), Column.SCREENING_EXPLANATION.fit(hit.explanation() == null ? "" : hit.explanation())));
    }

    private long licenceAgency(long licenceId) {
        return sql.one("SELECT agency_id FROM licence WHERE id = ?", rs -> rs.getLong(1), licenceId).orElseThrow();
    }

    static void requireOpen(Application application) {
        if (!application.open()) {
            throw new RegistryException.Conflict("licence.error.applicationDecided");
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Application application(ResultSet rs) throws SQLException {
        return new Application(rs.getLong("id"), rs.getLong("licence_id"), Application.Kind.valueOf(rs.getString("kind")),
                Application.Status.valueOf(rs.getString("status")), Sql.date(rs, "filed_on"), rs.getString("filed_by"),
                Sql.instant(rs, "decided_at"), rs.getLong("version"));
    }
}
