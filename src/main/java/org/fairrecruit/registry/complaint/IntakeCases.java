package org.fairrecruit.registry.complaint;

import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.audit.AuditEvent;
import org.fairrecruit.registry.audit.AuditLog;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.notification.MailComposer;
import org.fairrecruit.registry.notification.Outbox;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.ListPage;
import org.fairrecruit.registry.kernel.ListQuery;
import org.fairrecruit.registry.kernel.ListSpec;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the public intake channel (package intake) may read and do on a case: its summary for the
 * reporter and the queue, evidence the reporter adds later, mail to the reporter's sealed address,
 * and a staff member's audited view of the contact details.
 */
@Singleton
public class IntakeCases {
    /** A case as intake shows it: no summary, no notes, no contact details. */
    public record CaseView(long id, String reference, ComplaintStatus status, Category category, Channel channel,
                           String language, Instant receivedAt) {
    }

    private static final String SELECT = "SELECT id, reference, status, category, channel, language, received_at FROM complaint";
    private final Sql sql;
    private final ComplaintAttachments attachments;
    private final ComplaintEvents events;
    private final ComplaintContacts contacts;
    private final AuditLog audit;
    private final Outbox outbox;
    private final MailComposer mail;
    private final ComplaintCases cases;

    IntakeCases(Sql sql, ComplaintAttachments attachments, ComplaintEvents events, ComplaintContacts contacts,
                AuditLog audit, Outbox outbox, MailComposer mail, ComplaintCases cases) {
        this.sql = sql;
        this.cases = cases;
        this.attachments = attachments;
        this.events = events;
        this.contacts = contacts;
        this.audit = audit;
        this.outbox = outbox;
        this.mail = mail;
    }

    public Optional<CaseView> find(long id) {
        return sql.one(SELECT + " WHERE id = ?", IntakeCases::view, id);
    }

    /** The staff queue of reports from the public: newest first, filtered by status (new ones unless told) and category. */
    public static final ListSpec REPORTS = ListSpec.at("/staff/intake").sort("received", "received_at")
            .sort("reference", "reference").by("received", true).tiebreak("id").filters("status", "category").build();

    /** The cases that came in through {@code channel}, in the status asked for or else still new (RECEIVED). */
    @Transactional(readOnly = true)
    public ListPage<CaseView> reports(Channel channel, ListQuery query) {
        ComplaintStatus status = query.choice("status", ComplaintStatus.class);
        Category category = query.choice("category", Category.class);
        String where = " WHERE channel = ? AND status = ?" + (category == null ? "" : " AND category = ?");
        Object[] params = category == null
                ? new Object[] {channel, status == null ? ComplaintStatus.RECEIVED : status}
                : new Object[] {channel, status == null ? ComplaintStatus.RECEIVED : status, category};
        long total = sql.count("SELECT COUNT(*) FROM complaint" + where, params);
        return query.page(sql.list(SELECT + where + query.orderBy() + query.limit(), IntakeCases::view, params), total);
    }

    public void checkEvidence(InvalidInput.Collector check, String field, NewAttachment file) {
        attachments.check(check, field, file);
    }

    /** Evidence the complainant adds to an existing case, with its event and audit entry. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void addEvidence(long complaintId, NewAttachment file, String actor) {
        long id = attachments.add(complaintId, file, actor);
        events.append(complaintId, ComplaintEvents.Kind.EVIDENCE_ADDED, null, null, file.fileName(), null, actor);
        audit.record(new AuditEvent(actor, "complaint.evidence.added", "complaint", String.valueOf(complaintId), null),
                null, Map.of("attachment", id, "sha256", ComplaintAttachments.sha256(file.content())));
    }

    /**
     * Queues mail {@code name} to the complainant's address, in their language, when they left one.
     * The address is opened only for this; the mail must carry nothing that would harm them if read by another.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean mailComplainant(long complaintId, String messageKey, String name, Map<String, Object> model) {
        return contacts.open(complaintId).filter(c -> c.email() != null && !c.email().isBlank()).map(contact -> {
            String language = contact.language() == null || contact.language().isBlank()
                    ? find(complaintId).map(CaseView::language).orElse("en") : contact.language();
            outbox.enqueueEmail(contact.email().strip(), messageKey, mail.compose(name, Locale.forLanguageTag(language), model));
            return true;
        }).orElse(false);
    }

    /**
     * Links a case to the agency its reporter's free-text name surely means, unless staff have linked
     * anything on it meanwhile (their links win); true when it linked. The link is audited as any other.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean linkNamedAgency(long complaintId, long agencyId, String actor) {
        boolean unlinked = sql.count("SELECT COUNT(*) FROM complaint WHERE id = ? AND agency_id IS NULL AND recruiter_id IS NULL "
                + "AND monthly_wage IS NULL FOR UPDATE", complaintId) > 0
                && sql.count("SELECT COUNT(*) FROM complaint_key_person WHERE complaint_id = ?", complaintId) == 0;
        if (unlinked) {
            cases.link(actor, complaintId, new ComplaintCases.Links(agencyId, null, List.of(), null, null));
        }
        return unlinked;
    }

    /** A staff member opens the sealed contact details; every opening is audited. */
    @Transactional
    public Optional<Contact> viewContact(long complaintId, String staff) {
        Optional<Contact> contact = contacts.open(complaintId);
        audit.record(new AuditEvent(staff, "complaint.contact.viewed", "complaint", String.valueOf(complaintId), null),
                null, Map.of("present", contact.isPresent()));
        return contact;
    }

    private static CaseView view(ResultSet rs) throws SQLException {
        return new CaseView(rs.getLong(1), rs.getString(2), ComplaintStatus.valueOf(rs.getString(3)),
                Category.valueOf(rs.getString(4)), Channel.valueOf(rs.getString(5)), rs.getString(6),
                Sql.instant(rs, "received_at"));
    }
}
