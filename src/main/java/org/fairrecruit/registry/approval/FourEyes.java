package org.fairrecruit.registry.approval;

import org.fairrecruit.registry.database.Column;
import io.micronaut.context.MessageSource;
import io.micronaut.core.type.Argument;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.audit.AuditEvent;
import org.fairrecruit.registry.audit.AuditLog;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.RegistryException;
import org.fairrecruit.registry.notification.MailComposer;
import org.fairrecruit.registry.notification.Outbox;
import org.fairrecruit.registry.kernel.MessageKey;
import org.fairrecruit.registry.kernel.Paging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The four-eyes rule for adverse decisions: one staff member proposes, and the decision takes effect
 * only when a SUPERVISOR who is not the proposer approves. Every step is audited, and the proposer is told
 * by mail how their proposal ended (approved or rejected with the approver's note, or closed as obsolete).
 */
@Singleton
public class FourEyes {
    private final Sql sql;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, ProposalHandler> handlers;
    private final StaffDirectory staff;
    private final Outbox outbox;
    private final MailComposer mail;
    private final MessageSource messages;
    private static final String KEY_MARK = "#";

    FourEyes(Sql sql, AuditLog audit, JsonMapper json, Clock clock, List<ProposalHandler> handlers,
             StaffDirectory staff, Outbox outbox, MailComposer mail, MessageSource messages) {
        this.messages = messages;
        this.sql = sql;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.handlers = handlers.stream().collect(Collectors.toMap(ProposalHandler::subjectKind, Function.identity()));
        this.staff = staff;
        this.outbox = outbox;
        this.mail = mail;
    }

    /** Which proposals a list shows: those waiting, those I proposed, those already closed. */
    public enum View { OPEN, MINE, CLOSED }

    /** A proposal as lists show it: details masked by its handler, with its subject named. */
    @Serdeable
    public record Card(Proposal proposal, ProposalSubject subject) {
    }

    /** What every proposal needs, an internal note and a legal basis: checked here, and by forms that read more fields. */
    public static void checkTexts(String reason, String legalBasis) {
        new InvalidInput.Collector()
                .text("reason", reason, Column.PROPOSAL_REASON)
                .text("legalBasis", legalBasis, Column.LEGAL_BASIS)
                .throwIfAny();
    }

    @Transactional
    public Proposal propose(String proposer, ProposalDraft draft) {
        InvalidInput.Collector check = new InvalidInput.Collector()
                .including(() -> checkTexts(draft.reason(), draft.legalBasis()));
        ProposalHandler handler = handler(draft.subjectKind());
        if (draft.subjectId() != null) {
            closeObsolete(draft.subjectKind(), draft.subjectId(), proposer);
            if (sql.count("SELECT COUNT(*) FROM proposal WHERE subject_kind = ? AND subject_id = ? AND status = 'OPEN' "
                    + "FOR UPDATE", draft.subjectKind(), draft.subjectId()) > 0) {
                throw new RegistryException.Conflict("proposal.error.alreadyOpen");
            }
        }
        // The statement's fields and the handler's own are refused together: a form shows every problem at once
        // (the handler sees a missing statement as blank, as it was refused above already).
        ProposalDraft checked = new ProposalDraft(draft.subjectKind(), draft.subjectId(), draft.action(),
                Objects.requireNonNullElse(draft.reason(), ""), Objects.requireNonNullElse(draft.legalBasis(), ""),
                draft.details());
        check.including(() -> handler.check(checked)).throwIfAny();
        long id = sql.insert("""
                INSERT INTO proposal (subject_kind, subject_id, action, reason, legal_basis, details, status,
                    proposed_by, proposed_at) VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""",
                draft.subjectKind(), draft.subjectId(), draft.action(), draft.reason().strip(), draft.legalBasis().strip(),
                toJson(draft.details()), proposer, Instant.now(clock));
        Proposal created = get(id);
        audit.record(new AuditEvent(proposer, "proposal.created", "proposal", String.valueOf(id), created.reason()),
                null, created);
        return created;
    }

    /**
     * Carries out the proposal, with the approver's optional note. Refused for the proposer themself and for anyone
     * but a supervisor. A proposal its subject has outgrown is closed as obsolete instead (see {@link #closeObsolete}).
     */
    @Transactional
    public Proposal approve(Authentication approver, long id, long expectedVersion) {
        return approve(approver, id, expectedVersion, null);
    }

    @Transactional
    public Proposal approve(Authentication approver, long id, long expectedVersion, String note) {
        new InvalidInput.Collector().optionalText("note", note, Column.DECISION_NOTE).throwIfAny();
        Proposal before = decidable(approver, id, expectedVersion);
        if (closeIfObsolete(before, approver.getName())) {
            return get(id);
        }
        close(before, Proposal.Status.APPROVED, approver.getName(), blankToNull(note), null);
        handler(before.subjectKind()).carryOut(before, approver.getName()).ifPresent(created ->
                sql.update("UPDATE proposal SET subject_id = ? WHERE id = ?", created, id));
        Proposal after = get(id);
        audit.record(new AuditEvent(approver.getName(), "proposal.approved", "proposal", String.valueOf(id),
                after.decisionNote()), before, after);
        tellProposer(after);
        return after;
    }

    @Transactional
    public Proposal reject(Authentication approver, long id, long expectedVersion, String note) {
        new InvalidInput.Collector().text("note", note, Column.DECISION_NOTE).throwIfAny();
        Proposal before = decidable(approver, id, expectedVersion);
        close(before, Proposal.Status.REJECTED, approver.getName(), note.strip(), null);
        return ended(before, approver.getName(), "proposal.rejected", note.strip());
    }

    /** The proposer takes their own open proposal back, with an optional note; nothing is carried out. */
    @Transactional
    public Proposal withdraw(String proposer, long id, long expectedVersion, String note) {
        new InvalidInput.Collector().optionalText("note", note, Column.DECISION_NOTE).throwIfAny();
        Proposal before = current(id, expectedVersion);
        if (!before.proposedBy().equals(proposer)) {
            throw new RegistryException.Forbidden("proposal.error.notYours");
        }
        close(before, Proposal.Status.WITHDRAWN, proposer, blankToNull(note), null);
        return ended(before, proposer, "proposal.withdrawn", blankToNull(note));
    }

    /** A subject changed in the caller's transaction: its open proposals that can no longer apply become obsolete. */
    @EventListener
    @Transactional
    public void subjectChanged(SubjectChanged change) {
        if (handlers.containsKey(change.subjectKind())) {
            closeObsolete(change.subjectKind(), change.subjectId(), change.actor());
        }
    }

    @Transactional(readOnly = true)
    public Proposal get(long id) {
        return sql.one("SELECT * FROM proposal WHERE id = ?", this::map, id)
                .orElseThrow(() -> new RegistryException.NotFound("proposal", id));
    }

    /** Open proposals, oldest first, with identity documents masked. */
    @Transactional(readOnly = true)
    public List<Proposal> open() {
        return sql.list("SELECT * FROM proposal WHERE status = 'OPEN' ORDER BY proposed_at, id", this::map).stream()
                .map(this::masked).toList();
    }

    @Transactional(readOnly = true)
    public List<Card> cards(View view, String viewer, Paging paging) {
        return sql.list("SELECT * FROM proposal WHERE " + filter(view) + " ORDER BY " + order(view) + " LIMIT ? OFFSET ?",
                        this::map,
                        viewArgs(view, viewer, paging.size(), paging.offset())).stream()
                .map(p -> new Card(masked(p), handler(p.subjectKind()).subject(p))).toList();
    }

    @Transactional(readOnly = true)
    public long count(View view, String viewer) {
        return sql.count("SELECT COUNT(*) FROM proposal WHERE " + filter(view), viewArgs(view, viewer));
    }

    @Transactional(readOnly = true)
    public List<Proposal> forSubject(String subjectKind, long subjectId) {
        return sql.list("SELECT * FROM proposal WHERE subject_kind = ? AND subject_id = ? ORDER BY id DESC", this::map,
                subjectKind, subjectId).stream().map(this::masked).toList();
    }

    public ProposalSubject subject(Proposal proposal) {
        return handler(proposal.subjectKind()).subject(proposal);
    }

    private static String filter(View view) {
        return switch (view) {
            case OPEN -> "status = 'OPEN'";
            case MINE -> "proposed_by = ?";
            case CLOSED -> "status <> 'OPEN'";
        };
    }

    private static String order(View view) {
        return switch (view) {
            case OPEN -> "proposed_at, id";
            case MINE -> "proposed_at DESC, id DESC";
            case CLOSED -> "decided_at DESC, id DESC";
        };
    }

    private static Object[] viewArgs(View view, String viewer, Object... more) {
        List<Object> args = new ArrayList<>();
        if (view == View.MINE) {
            args.add(viewer);
        }
        args.addAll(Arrays.asList(more));
        return args.toArray();
    }

    private void closeObsolete(String subjectKind, long subjectId, String actor) {
        sql.list("SELECT * FROM proposal WHERE subject_kind = ? AND subject_id = ? AND status = 'OPEN' FOR UPDATE",
                this::map, subjectKind, subjectId).forEach(open -> closeIfObsolete(open, actor));
    }

    /** Asks the handler whether the proposal could still be made; if not, closes it naming the rule that refuses it. */
    private boolean closeIfObsolete(Proposal open, String actor) {
        try {
            handler(open.subjectKind()).check(open.draft());
            return false;
        } catch (RegistryException refusal) {
            InvalidInput.FieldError rule = refusal instanceof InvalidInput invalid && !invalid.errors().isEmpty()
                    ? invalid.errors().get(0)
                    : new InvalidInput.FieldError("", refusal.messageKey(), refusal.args());
            close(open, Proposal.Status.OBSOLETE, actor, null, rule);
            ended(open, actor, "proposal.obsolete", rule.messageKey());
            return true;
        }
    }

    private Proposal ended(Proposal before, String actor, String action, String reason) {
        handler(before.subjectKind()).rejected(before, actor);
        Proposal after = get(before.id());
        audit.record(new AuditEvent(actor, action, "proposal", String.valueOf(before.id()), reason), before, after);
        tellProposer(after);
        return after;
    }

    /** The proposer learns the outcome and the note by mail (in English, the staff's working language, as other staff mails). */
    private void tellProposer(Proposal closed) {
        if (closed.status() == Proposal.Status.WITHDRAWN) {
            return;
        }
        staff.emailOf(closed.proposedBy()).ifPresent(email -> {
                    Map<String, Object> model = new LinkedHashMap<>();
                    // The subject line reads the model's values in order: the subject's name first.
                    model.put("subject", subject(closed).title());
                    model.put("id", closed.id());
                    model.put("status", closed.status().name());
                    model.put("action", "proposal.action." + closed.subjectKind() + "." + closed.action());
                    model.put("decidedBy", closed.decidedBy());
                    model.put("note", closed.decisionNote());
                    model.put("closing", closingText(closed, Locale.ENGLISH));
                    outbox.enqueueEmail(email, "proposal-closed-" + closed.id(),
                            mail.compose("proposal-closed", Locale.ENGLISH, model));
                });
    }

    private Proposal decidable(Authentication approver, long id, long expectedVersion) {
        if (!approver.getRoles().contains(Roles.SUPERVISOR)) {
            throw new RegistryException.Forbidden("proposal.error.supervisorOnly");
        }
        // ADMIN runs accounts and decides nothing, even when it also holds the supervisor role.
        if (approver.getRoles().contains(Roles.ADMIN)) {
            throw new RegistryException.Forbidden("proposal.error.adminApproves");
        }
        Proposal proposal = current(id, expectedVersion);
        if (proposal.proposedBy().equals(approver.getName())) {
            throw new RegistryException.Forbidden("proposal.error.ownProposal");
        }
        return proposal;
    }

    private Proposal current(long id, long expectedVersion) {
        Proposal proposal = get(id);
        if (!proposal.open()) {
            throw new RegistryException.Conflict("proposal.error.decided");
        }
        if (proposal.version() != expectedVersion) {
            throw new RegistryException.Conflict("error.conflict", "proposal", id);
        }
        return proposal;
    }

    private void close(Proposal proposal, Proposal.Status status, String by, String note, InvalidInput.FieldError rule) {
        int updated = sql.update("""
                UPDATE proposal SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?, closing_key = ?,
                    closing_args = ?, version = version + 1
                WHERE id = ? AND version = ? AND status = 'OPEN'""",
                status, by, Instant.now(clock), note, rule == null ? null : rule.messageKey(),
                rule == null ? null : toJson(Arrays.stream(rule.args()).map(FourEyes::storedArg).toList()),
                proposal.id(), proposal.version());
        if (updated == 0) {
            throw new RegistryException.Conflict("error.conflict", "proposal", proposal.id());
        }
    }

    /** A translated argument (a status name, say) is kept as its key, marked, so each reader gets it in their language. */
    private static String storedArg(Object arg) {
        return arg instanceof MessageKey key ? KEY_MARK + key.key() : String.valueOf(arg);
    }

    /** Why an obsolete proposal no longer applies, in {@code locale}; null for any other proposal. */
    public String closingText(Proposal proposal, Locale locale) {
        if (proposal.closingKey() == null) {
            return null;
        }
        Object[] args = proposal.closingArgs().stream().map(arg -> arg.startsWith(KEY_MARK)
                ? messages.getMessage(arg.substring(KEY_MARK.length()), locale).orElse(arg) : arg).toArray();
        return messages.getMessage(proposal.closingKey(), locale, args).orElse(proposal.closingKey());
    }

    private Proposal masked(Proposal proposal) {
        return proposal.withDetails(handler(proposal.subjectKind()).shownDetails(proposal));
    }

    private ProposalHandler handler(String subjectKind) {
        ProposalHandler handler = handlers.get(subjectKind);
        if (handler == null) {
            throw new IllegalArgumentException("No proposal handler for " + subjectKind);
        }
        return handler;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private Proposal map(ResultSet rs) throws SQLException {
        String args = rs.getString("closing_args");
        return new Proposal(rs.getLong("id"), rs.getString("subject_kind"),
                rs.getObject("subject_id") == null ? null : rs.getLong("subject_id"),
                rs.getString("action"), rs.getString("reason"), rs.getString("legal_basis"),
                fromJson(rs.getString("details")), Proposal.Status.valueOf(rs.getString("status")),
                rs.getString("proposed_by"), Sql.instant(rs, "proposed_at"), rs.getString("decided_by"),
                Sql.instant(rs, "decided_at"), rs.getString("decision_note"), rs.getString("closing_key"),
                args == null ? List.of() : read(args, Argument.listOf(String.class)), rs.getLong("version"));
    }

    private String toJson(Object value) {
        try {
            return value == null || value instanceof Map<?, ?> m && m.isEmpty() ? null : json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> fromJson(String text) {
        return text == null ? Map.of() : read(text, Argument.mapOf(String.class, String.class));
    }

    private <T> T read(String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
