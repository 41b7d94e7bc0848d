package org.fairrecruit.registry.complaint;

import org.fairrecruit.registry.database.Column;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.agency.AgencyRegister;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.audit.AuditEvent;
import org.fairrecruit.registry.audit.AuditLog;
import org.fairrecruit.registry.changefeed.ChangeFeed;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.fee.Fee;
import org.fairrecruit.registry.fee.FeeCase;
import org.fairrecruit.registry.fee.FeeRecords;
import org.fairrecruit.registry.fee.Money;
import org.fairrecruit.registry.fee.NewFee;
import org.fairrecruit.registry.identity.IdentityService;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.identity.StaffMember;
import org.fairrecruit.registry.notification.MailComposer;
import org.fairrecruit.registry.notification.Outbox;
import org.fairrecruit.registry.sanction.BlacklistDecisions;
import org.fairrecruit.registry.sanction.ListingDraft;
import org.fairrecruit.registry.sanction.SanctionDecisions;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.ListPage;
import org.fairrecruit.registry.kernel.ListQuery;
import org.fairrecruit.registry.kernel.ListSpec;
import org.fairrecruit.registry.kernel.RegistryException;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Working a case: its moves, assignment, notes, links, fees, evidence, refunds and outcome. Each
 * method is one transaction with the case's event, its audit entry and the mails it causes.
 * A SUBSTANTIATED outcome is only proposed here; {@link OutcomeDecisions} records it when a
 * different supervisor approves.
 */
@Singleton
public class ComplaintCases {
    private final Sql sql;
    private final AuditLog audit;
    private final ChangeFeed feed;
    private final ComplaintEvents events;
    private final ComplaintContacts contacts;
    private final ComplaintAttachments attachments;
    private final ComplainantNotices notices;
    private final FeeRecords fees;
    private final AgencyRegister agencies;
    private final UnlicensedRecruiters recruiters;
    private final IdentityService identity;
    private final Outbox outbox;
    private final MailComposer mail;
    // A provider: FourEyes is built with every ProposalHandler, and this class is (or leads to) one.
    private final Provider<FourEyes> fourEyes;
    private final ComplaintRules rules;
    private final ComplaintFactsTracker facts;
    private final Clock clock;

    ComplaintCases(Sql sql, AuditLog audit, ChangeFeed feed, ComplaintEvents events, ComplaintContacts contacts,
                   ComplaintAttachments attachments, ComplainantNotices notices, FeeRecords fees,
                   AgencyRegister agencies, UnlicensedRecruiters recruiters, IdentityService identity, Outbox outbox,
                   MailComposer mail, Provider<FourEyes> fourEyes, ComplaintRules rules, ComplaintFactsTracker facts,
                   Clock clock) {
        this.sql = sql;
        this.audit = audit;
        this.feed = feed;
        this.events = events;
        this.contacts = contacts;
        this.attachments = attachments;
        this.notices = notices;
        this.fees = fees;
        this.agencies = agencies;
        this.recruiters = recruiters;
        this.identity = identity;
        this.outbox = outbox;
        this.mail = mail;
        this.fourEyes = fourEyes;
        this.rules = rules;
        this.facts = facts;
        this.clock = clock;
    }

    /** Cases newest first, optionally of one reference (as typed or heard) or status. */
    @Transactional(readOnly = true)
    public List<CaseView.Summary> list(@Nullable String reference, @Nullable ComplaintStatus status, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(reference, status, null, null, false, params);
        params.add(size);
        params.add((long) page * size);
        return sql.list("SELECT * FROM complaint" + where + " ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?",
                this::summary, params.toArray());
    }

    /** The staff case queue: newest first unless sorted otherwise; filtered by reference, status, category, assignee, overdue. */
    public static final ListSpec LIST = ListSpec.at("/staff/complaints").sort("received", "received_at")
            .sort("due", "due_on").sort("status", "status").sort("reference", "reference").by("received", true)
            .tiebreak("id").filters("reference", "status", "category", "assignedTo", "overdue").build();

    @Transactional(readOnly = true)
    public ListPage<CaseView.Summary> list(ListQuery query) {
        List<Object> params = new ArrayList<>();
        String where = where(query.filter("reference"), query.choice("status", ComplaintStatus.class),
                query.choice("category", Category.class), query.filter("assignedTo"), "yes".equals(query.filter("overdue")),
                params);
        long total = sql.count("SELECT COUNT(*) FROM complaint" + where, params.toArray());
        return query.page(sql.list("SELECT * FROM complaint" + where + query.orderBy() + query.limit(), this::summary,
                params.toArray()), total);
    }

    /** One filter for the API's pages and the staff queue; "overdue" is due before today and not closed. */
    private String where(@Nullable String reference, @Nullable ComplaintStatus status, @Nullable Category category,
                         @Nullable String assignedTo, boolean overdue, List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (reference != null && !reference.isBlank()) {
            where.append(" AND reference = ?");
            params.add(ComplaintReference.parse(reference).orElse(reference.strip().toUpperCase(Locale.ROOT)));
        }
        if (status != null) {
            where.append(" AND status = ?");
            params.add(status);
        }
        if (category != null) {
            where.append(" AND category = ?");
            params.add(category);
        }
        if (assignedTo != null && !assignedTo.isBlank()) {
            where.append(" AND assigned_to = ?");
            params.add(assignedTo.strip());
        }
        if (overdue) {
            where.append(" AND due_on < ?");
            params.add(LocalDate.now(clock));
        }
        return where.toString();
    }

    /** The case as {@code viewer} may see it: a hotline operator only their own intake, without notes. */
    @Transactional(readOnly = true)
    public CaseView.Case view(Authentication viewer, long id) {
        Row row = load(id, false);
        boolean operatorOnly = operatorOnly(viewer);
        if (operatorOnly && !viewer.getName().equals(row.createdBy())) {
            throw new RegistryException.Forbidden("complaint.error.notYourIntake");
        }
        return caseOf(row, !operatorOnly);
    }

    /** The complainant's contact details; every view is audited. */
    @Transactional
    public Optional<Contact> contact(String viewer, long id) {
        load(id, false);
        Optional<Contact> contact = contacts.open(id);
        audit.record(new AuditEvent(viewer, "complaint.contact.viewed", "complaint", String.valueOf(id), null), null, null);
        return contact;
    }

    /** A move that is not an outcome (RESOLVED and REFERRED are reached through {@link #close}). */
    @Transactional
    public CaseView.Case move(String actor, long id, ComplaintStatus to, String reason) {
        new InvalidInput.Collector().require(to != null, "to", "field.invalid").text("reason", reason, Column.CASE_TEXT).throwIfAny();
        Row row = load(id, true);
        if (to == ComplaintStatus.RESOLVED || to == ComplaintStatus.REFERRED) {
            row.status().to(to, row.reference());
            throw new RegistryException.Conflict("complaint.error.outcomeNeeded", row.reference(), to.name());
        }
        ComplaintStatus next = row.status().to(to, row.reference());
        String assignee = next == ComplaintStatus.UNDER_INVESTIGATION && row.assignedTo() == null ? actor : row.assignedTo();
        setStatus(row, next, assignee);
        events.append(id, ComplaintEvents.Kind.MOVED, row.status(), next, reason.strip(), null, actor);
        audit.record(new AuditEvent(actor, "complaint.moved", "complaint", String.valueOf(id), reason.strip()),
                Map.of("status", row.status().name()), Map.of("status", next.name()));
        notices.statusChanged(id, row.reference(), next, row.language(), eventCount(id));
        return caseOf(load(id, false), true);
    }

    @Transactional
    public CaseView.Case assign(String actor, long id, String investigator) {
        StaffMember member = identity.all().stream()
                .filter(m -> m.username().equals(investigator) && m.enabled() && m.roles().contains(Roles.INVESTIGATOR))
                .findFirst().orElseThrow(() -> new InvalidInput(List.of(new InvalidInput.FieldError("investigator",
                        "complaint.error.notInvestigator"))));
        Row row = load(id, true);
        requireOpen(row);
        sql.update("UPDATE complaint SET assigned_to = ?, version = version + 1 WHERE id = ?", member.username(), id);
        events.append(id, ComplaintEvents.Kind.ASSIGNED, null, null, member.username(), null, actor);
        audit.record(AuditEvent.of(actor, "complaint.assigned", "complaint", id),
                mapOf("assignedTo", row.assignedTo()), Map.of("assignedTo", member.username()));
        if (member.email() != null) {
            outbox.enqueueEmail(member.email(), "complaint-assigned-" + id + "-" + eventCount(id),
                    mail.compose("complaint-assigned", Locale.ENGLISH, new LinkedHashMap<>(Map.of("reference", row.reference()))));
        }
        return caseOf(load(id, false), true);
    }

    @Transactional
    public CaseView.Case note(String actor, long id, String text, @Nullable String lang) {
        new InvalidInput.Collector().text("note", text, Column.CASE_TEXT).throwIfAny();
        load(id, true);
        events.append(id, ComplaintEvents.Kind.NOTE, null, null, text.strip(), lang, actor);
        audit.record(AuditEvent.of(actor, "complaint.note.added", "complaint", id), null, Map.of("note", text.strip()));
        return caseOf(load(id, false), true);
    }

    /** What the case concerns; its fees follow the agency and the wage and are evaluated again. */
    @Transactional
    public CaseView.Case link(String actor, long id, Links links) {
        InvalidInput.Collector check = new InvalidInput.Collector()
                .require(links.agencyId() == null || agencies.find(links.agencyId()).isPresent(), "agencyId", "field.invalid")
                .require(links.recruiterId() == null || recruiters.find(links.recruiterId()).isPresent(), "recruiterId",
                        "field.invalid");
        if (links.monthlyWage() != null && !links.monthlyWage().isBlank()) {
            Money.check(check, "monthlyWage", links.monthlyWage(), "wageCurrency", links.wageCurrency());
        }
        if (links.agencyId() != null) {
            List<Long> persons = agencies.get(links.agencyId()).keyPersons().stream().map(p -> p.id()).toList();
            check.require(persons.containsAll(links.keyPersonIds()), "keyPersonIds", "field.invalid");
        } else {
            check.require(links.keyPersonIds().isEmpty(), "keyPersonIds", "field.invalid");
        }
        check.throwIfAny();
        Row row = load(id, true);
        String wageCurrency = links.monthlyWage() == null || links.monthlyWage().isBlank() ? null
                : Money.currency(links.wageCurrency()).orElseThrow();
        BigDecimal wage = wageCurrency == null ? null : Money.amount(links.monthlyWage(), wageCurrency).orElseThrow();
        facts.changing(id, () -> sql.update("UPDATE complaint SET agency_id = ?, recruiter_id = ?, monthly_wage = ?, "
                + "wage_currency = ?, version = version + 1 WHERE id = ?", links.agencyId(), links.recruiterId(), wage,
                wageCurrency, id));
        sql.update("DELETE FROM complaint_key_person WHERE complaint_id = ?", id);
        links.keyPersonIds().forEach(person -> sql.update(
                "INSERT INTO complaint_key_person (complaint_id, key_person_id) VALUES (?, ?)", id, person));
        fees.caseChanged(new FeeCase(id, links.agencyId(), row.destinationCountry(), wage, wageCurrency));
        events.append(id, ComplaintEvents.Kind.LINKED, null, null, null, null, actor);
        audit.record(AuditEvent.of(actor, "complaint.linked", "complaint", id),
                mapOf("agencyId", row.agencyId(), "recruiterId", row.recruiterId()), links);
        if (row.outcome() == Outcome.SUBSTANTIATED) {
            feedAgencies(row.agencyId(), links.agencyId());
        }
        return caseOf(load(id, false), true);
    }

    /** A fee of the case; a hotline operator may add fees only to their own intake, while it is new. */
    @Transactional
    public Fee addFee(Authentication actor, long id, NewFee fee) {
        Row row = load(id, true);
        requireOpen(row);
        if (operatorOnly(actor) && (!actor.getName().equals(row.createdBy()) || row.status() != ComplaintStatus.RECEIVED)) {
            throw new RegistryException.Forbidden("complaint.error.notYourIntake");
        }
        if (fee.evidenceId() != null && attachments.of(id).stream().noneMatch(a -> a.id() == fee.evidenceId())) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("evidenceId", "field.invalid")));
        }
        Fee recorded = fees.record(actor.getName(), feeCase(row), fee);
        if (row.outcome() == Outcome.SUBSTANTIATED) {
            fees.proven(id);
        }
        events.append(id, ComplaintEvents.Kind.FEE_ADDED, null, null, recorded.feeType() + " " + recorded.amount() + " "
                + recorded.currency(), null, actor.getName());
        return fees.get(recorded.id());
    }

    @Transactional
    public ComplaintAttachments.Attachment addEvidence(String actor, long id, NewAttachment file) {
        InvalidInput.Collector check = new InvalidInput.Collector();
        attachments.check(check, "file", file);
        check.throwIfAny();
        load(id, true);
        long attachment = attachments.add(id, file, actor);
        events.append(id, ComplaintEvents.Kind.EVIDENCE_ADDED, null, null, file.fileName().strip(), null, actor);
        audit.record(AuditEvent.of(actor, "complaint.evidence.added", "complaint", id), null,
                Map.of("attachment", attachment, "sha256", ComplaintAttachments.sha256(file.content())));
        return attachments.of(id).stream().filter(a -> a.id() == attachment).findFirst().orElseThrow();
    }

    /** One evidence file's bytes, for staff who may see the case. */
    @Transactional(readOnly = true)
    public Optional<ComplaintAttachments.Content> evidence(Authentication viewer, long id, long attachmentId) {
        view(viewer, id);
        return attachments.content(id, attachmentId);
    }

    @Transactional
    public Fee orderRefund(String actor, long id, long feeId, String amount, LocalDate orderedOn) {
        feeOf(id, feeId);
        Fee fee = fees.orderRefund(actor, feeId, amount, orderedOn);
        events.append(id, ComplaintEvents.Kind.REFUND, null, null, "ordered " + amount + " " + fee.currency(), null, actor);
        return fee;
    }

    @Transactional
    public Fee recordRefund(String actor, long id, long feeId, String amount, LocalDate paidOn) {
        feeOf(id, feeId);
        Fee fee = fees.recordRefund(actor, feeId, amount, paidOn);
        events.append(id, ComplaintEvents.Kind.REFUND, null, null, "paid " + amount + " " + fee.currency(), null, actor);
        return fee;
    }

    /** Proposes listing the case's agency or unlicensed recruiter on the blacklist (four eyes, in sanction). */
    @Transactional
    public Proposal proposeListing(String actor, long id, boolean recruiter, String reasonCategory, String reason,
                                   String legalBasis, @Nullable LocalDate expiresOn) {
        Row row = substantiated(id);
        ListingDraft draft;
        if (recruiter) {
            UnlicensedRecruiters.Recruiter r = Optional.ofNullable(row.recruiterId()).flatMap(recruiters::find)
                    .orElseThrow(() -> new RegistryException.Conflict("complaint.error.noRecruiter", row.reference()));
            draft = new ListingDraft(r.kind() == UnlicensedRecruiters.Kind.PERSON ? "PERSON" : "AGENCY", null, r.name(),
                    r.aliases(), r.country(), null, null, reasonCategory, row.reference(), LocalDate.now(clock), expiresOn);
        } else {
            Long agency = Optional.ofNullable(row.agencyId()).orElseThrow(
                    () -> new RegistryException.Conflict("complaint.error.noAgency", row.reference()));
            draft = new ListingDraft("AGENCY", agency, null, List.of(), null, null, null, reasonCategory, row.reference(),
                    LocalDate.now(clock), expiresOn);
        }
        return proposed(actor, row, fourEyes.get().propose(actor, BlacklistDecisions.listing(draft, reason, legalBasis)));
    }

    /** Proposes a sanction of the case's agency (four eyes, in sanction). */
    @Transactional
    public Proposal proposeSanction(String actor, long id, String kind, String reason, String legalBasis,
                                    @Nullable String amount, @Nullable String currency) {
        Row row = substantiated(id);
        Long agency = Optional.ofNullable(row.agencyId()).orElseThrow(
                () -> new RegistryException.Conflict("complaint.error.noAgency", row.reference()));
        return proposed(actor, row, fourEyes.get().propose(actor, SanctionDecisions.draft(agency, kind, reason, legalBasis, amount,
                currency, row.reference())));
    }

    private Row substantiated(long id) {
        Row row = load(id, true);
        if (row.outcome() != Outcome.SUBSTANTIATED) {
            throw new RegistryException.Conflict("complaint.error.notSubstantiated", row.reference());
        }
        return row;
    }

    private Proposal proposed(String actor, Row row, Proposal proposal) {
        events.append(row.id(), ComplaintEvents.Kind.ACTION_PROPOSED, null, null, proposal.subjectKind() + " "
                + proposal.action() + " #" + proposal.id(), null, actor);
        audit.record(AuditEvent.of(actor, "complaint.action.proposed", "complaint", row.id()), null,
                Map.of("proposal", proposal.id(), "kind", proposal.subjectKind()));
        return proposal;
    }

    /** Records an outcome other than SUBSTANTIATED, which needs four eyes (see {@link OutcomeDecisions}). */
    @Transactional
    public CaseView.Case close(String actor, long id, Outcome outcome, CaseView.Statement statement,
                               @Nullable String internalNote) {
        if (outcome == Outcome.SUBSTANTIATED) {
            throw new RegistryException.Conflict("complaint.error.fourEyes");
        }
        checkStatement(outcome, statement, internalNote, false);
        record(actor, load(id, true), outcome, statement, internalNote);
        return caseOf(load(id, false), true);
    }

    /** Carries out an outcome: the status it ends in, its statement and note, the event, audit and mail. */
    void record(String actor, Row row, Outcome outcome, CaseView.Statement statement, String internalNote) {
        ComplaintStatus next = outcome.reachedFrom(row.status(), row.reference());
        facts.changing(row.id(), () -> sql.update("""
                UPDATE complaint SET status = ?, outcome = ?, status_since = ?, due_on = NULL, resolved_at = ?,
                    public_reason = ?, public_remarks = ?, public_remarks_lang = ?, internal_note = ?,
                    version = version + 1 WHERE id = ?""", next, outcome, Instant.now(clock), Instant.now(clock),
                statement.reason(), blankToNull(statement.remarks()), statement.lang(), blankToNull(internalNote), row.id()));
        events.append(row.id(), ComplaintEvents.Kind.OUTCOME, row.status(), next, outcome.name(), null, actor);
        audit.record(new AuditEvent(actor, "complaint.outcome", "complaint", String.valueOf(row.id()), outcome.name()),
                Map.of("status", row.status().name()), mapOf("status", next.name(), "outcome", outcome.name(),
                        "publicReason", statement.reason() == null ? null : statement.reason().name()));
        if (outcome == Outcome.SUBSTANTIATED) {
            fees.proven(row.id());
            feedAgencies(row.agencyId(), null);
        }
        notices.statusChanged(row.id(), row.reference(), next, row.language(), eventCount(row.id()));
    }

    /** Refuses a statement or note an outcome cannot carry; a substantiated finding needs both. */
    static void checkStatement(Outcome outcome, CaseView.Statement statement, String internalNote, boolean required) {
        new InvalidInput.Collector()
                .require(!required || statement.reason() != null, "publicStatement.reason", "field.required")
                .require(statement.reason() == null || statement.reason().outcome() == outcome, "publicStatement.reason",
                        "field.invalid")
                .optionalText("publicStatement.remarks", statement.remarks(), Column.CASE_TEXT)
                .require(!required || (internalNote != null && !internalNote.isBlank()), "internalNote", "field.required")
                .optionalText("internalNote", internalNote, Column.CASE_TEXT)
                .throwIfAny();
    }

    Row load(long id, boolean forUpdate) {
        return sql.one("SELECT * FROM complaint WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""), Row::of, id)
                .orElseThrow(() -> new RegistryException.NotFound("complaint", id));
    }

    void markProposed(String actor, Row row, long proposalId) {
        sql.update("UPDATE complaint SET outcome_proposal_id = ?, version = version + 1 WHERE id = ?", proposalId, row.id());
        events.append(row.id(), ComplaintEvents.Kind.OUTCOME_PROPOSED, null, null, Outcome.SUBSTANTIATED.name(), null, actor);
        audit.record(AuditEvent.of(actor, "complaint.outcome.proposed", "complaint", row.id()), null,
                Map.of("proposal", proposalId));
    }

    private void setStatus(Row row, ComplaintStatus next, String assignee) {
        Instant now = Instant.now(clock);
        LocalDate due = LocalDate.ofInstant(now, clock.getZone()).plusDays(rules.dueDays(next));
        facts.changing(row.id(), () -> sql.update("UPDATE complaint SET status = ?, status_since = ?, due_on = ?, "
                + "assigned_to = ?, version = version + 1 WHERE id = ?", next, now, due, assignee, row.id()));
    }

    private void feeOf(long id, long feeId) {
        if (fees.get(feeId).complaintId() != id) {
            throw new RegistryException.NotFound("fee", feeId);
        }
    }

    private void feedAgencies(Long before, Long after) {
        if (before != null) {
            feed.record(EntityKind.AGENCY, before);
        }
        if (after != null && !after.equals(before)) {
            feed.record(EntityKind.AGENCY, after);
        }
    }

    private static void requireOpen(Row row) {
        if (!row.status().open()) {
            throw new RegistryException.Conflict("complaint.error.closed", row.reference(), row.status().name());
        }
    }

    static boolean operatorOnly(Authentication user) {
        return user.getRoles().contains(Roles.HOTLINE_OPERATOR) && !user.getRoles().contains(Roles.INVESTIGATOR)
                && !user.getRoles().contains(Roles.SUPERVISOR) && !user.getRoles().contains(Roles.AUDITOR);
    }

    private long eventCount(long id) {
        return sql.count("SELECT COUNT(*) FROM complaint_event WHERE complaint_id = ?", id);
    }

    private static FeeCase feeCase(Row row) {
        return new FeeCase(row.id(), row.agencyId(), row.destinationCountry(), row.monthlyWage(), row.wageCurrency());
    }

    private CaseView.Case caseOf(Row row, boolean withNotes) {
        List<Long> persons = sql.list("SELECT key_person_id FROM complaint_key_person WHERE complaint_id = ? ORDER BY 1",
                rs -> rs.getLong(1), row.id());
        CaseView.Statement statement = row.publicReason() == null && row.publicRemarks() == null ? null
                : new CaseView.Statement(row.publicReason(), row.publicRemarks(), row.publicRemarksLang());
        return new CaseView.Case(summary(row), row.summary(), row.language(), row.recruiterId(), persons,
                row.destinationCountry(), row.employer(),
                row.monthlyWage() == null ? null : Money.text(row.monthlyWage(), row.wageCurrency()), row.wageCurrency(),
                row.createdBy(), contacts.exists(row.id()), fees.forCase(row.id()), attachments.of(row.id()),
                events.of(row.id(), withNotes), statement, withNotes ? row.internalNote() : null,
                row.outcomeProposalId(), row.version());
    }

    private CaseView.Summary summary(ResultSet rs) throws SQLException {
        return summary(Row.of(rs));
    }

    private CaseView.Summary summary(Row row) {
        LocalDate today = LocalDate.now(clock);
        long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(row.statusSince(), clock.getZone()), today);
        return new CaseView.Summary(row.id(), row.reference(), row.channel(), row.category(), row.status(), row.outcome(),
                row.agencyId(), row.recruiterName(), row.assignedTo(), row.receivedAt(), row.dueOn(), days,
                row.dueOn() != null && today.isAfter(row.dueOn()));
    }

    private static Map<String, Object> mapOf(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** What a case concerns, as an investigator links it. */
    @io.micronaut.serde.annotation.Serdeable
    public record Links(@Nullable Long agencyId, @Nullable Long recruiterId, @Nullable List<Long> keyPersonIds,
                        @Nullable String monthlyWage, @Nullable String wageCurrency) {
        public Links {
            keyPersonIds = keyPersonIds == null ? List.of() : List.copyOf(keyPersonIds);
        }
    }

    record Row(long id, String reference, Channel channel, Category category, ComplaintStatus status, Outcome outcome,
               Long agencyId, String recruiterName, Long recruiterId, String summary, String language,
               String destinationCountry, String employer, BigDecimal monthlyWage, String wageCurrency,
               String assignedTo, Instant receivedAt, Instant statusSince, LocalDate dueOn, String createdBy,
               PublicReason publicReason, String publicRemarks, String publicRemarksLang, String internalNote,
               Long outcomeProposalId, long version) {
        static Row of(ResultSet rs) throws SQLException {
            String outcome = rs.getString("outcome");
            String reason = rs.getString("public_reason");
            Instant received = Sql.instant(rs, "received_at");
            Instant since = Sql.instant(rs, "status_since");
            return new Row(rs.getLong("id"), rs.getString("reference"), Channel.valueOf(rs.getString("channel")),
                    Category.valueOf(rs.getString("category")), ComplaintStatus.valueOf(rs.getString("status")),
                    outcome == null ? null : Outcome.valueOf(outcome), rs.getObject("agency_id", Long.class),
                    rs.getString("recruiter_name"), rs.getObject("recruiter_id", Long.class), rs.getString("summary"),
                    rs.getString("language"), rs.getString("destination_country"), rs.getString("employer"),
                    rs.getBigDecimal("monthly_wage"), rs.getString("wage_currency"), rs.getString("assigned_to"),
                    received, since == null ? received : since, Sql.date(rs, "due_on"), rs.getString("created_by"),
                    reason == null ? null : PublicReason.valueOf(reason), rs.getString("public_remarks"),
                    rs.getString("public_remarks_lang"), rs.getString("internal_note"),
                    rs.getObject("outcome_proposal_id", Long.class), rs.getLong("version"));
        }
    }
}
