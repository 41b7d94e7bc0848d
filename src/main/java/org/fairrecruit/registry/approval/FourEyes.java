package org.fairrecruit.registry.approval;

import org.fairrecruit.registry.database.Column;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.audit.AuditEvent;
import org.fairrecruit.registry.audit.AuditLog;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.RegistryException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The four-eyes rule for adverse decisions: one staff member proposes, and the decision takes effect
 * only when a SUPERVISOR who is not the proposer approves. Both steps are audited.
 */
@Singleton
public class FourEyes {
    private final Sql sql;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, ProposalHandler> handlers;

    FourEyes(Sql sql, AuditLog audit, JsonMapper json, Clock clock, List<ProposalHandler> handlers) {
        this.sql = sql;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.handlers = handlers.stream().collect(Collectors.toMap(ProposalHandler::subjectKind, Function.identity()));
    }

    @Transactional
    public Proposal propose(String proposer, ProposalDraft draft) {
        new InvalidInput.Collector()
                .text("reason", draft.reason(), Column.PROPOSAL_REASON)
                .text("legalBasis", draft.legalBasis(), Column.LEGAL_BASIS)
                .throwIfAny();
        ProposalHandler handler = handler(draft.subjectKind());
        if (draft.subjectId() != null && sql.count("SELECT COUNT(*) FROM proposal WHERE subject_kind = ? "
                + "AND subject_id = ? AND status = 'OPEN' FOR UPDATE", draft.subjectKind(), draft.subjectId()) > 0) {
            throw new RegistryException.Conflict("proposal.error.alreadyOpen");
        }
        handler.check(draft);
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

    /** Carries out the proposal. Refused for the proposer themself and for anyone but a supervisor. */
    @Transactional
    public Proposal approve(Authentication approver, long id, long expectedVersion) {
        Proposal before = decidable(approver, id, expectedVersion);
        decide(before, Proposal.Status.APPROVED, approver.getName(), null);
        handler(before.subjectKind()).carryOut(before, approver.getName()).ifPresent(created ->
                sql.update("UPDATE proposal SET subject_id = ? WHERE id = ?", created, id));
        Proposal after = get(id);
        audit.record(AuditEvent.of(approver.getName(), "proposal.approved", "proposal", id), before, after);
        return after;
    }

    @Transactional
    public Proposal reject(Authentication approver, long id, long expectedVersion, String note) {
        new InvalidInput.Collector().text("note", note, Column.DECISION_NOTE).throwIfAny();
        Proposal before = decidable(approver, id, expectedVersion);
        decide(before, Proposal.Status.REJECTED, approver.getName(), note.strip());
        handler(before.subjectKind()).rejected(before, approver.getName());
        Proposal after = get(id);
        audit.record(new AuditEvent(approver.getName(), "proposal.rejected", "proposal", String.valueOf(id), note.strip()),
                before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public Proposal get(long id) {
        return sql.one("SELECT * FROM proposal WHERE id = ?", this::map, id)
                .orElseThrow(() -> new RegistryException.NotFound("proposal", id));
    }

    @Transactional(readOnly = true)
    public List<Proposal> open() {
        return sql.list("SELECT * FROM proposal WHERE status = 'OPEN' ORDER BY proposed_at", this::map);
    }

    @Transactional(readOnly = true)
    public List<Proposal> forSubject(String subjectKind, long subjectId) {
        return sql.list("SELECT * FROM proposal WHERE subject_kind = ? AND subject_id = ? ORDER BY id DESC", this::map,
                subjectKind, subjectId);
    }

    public String subjectPath(Proposal proposal) {
        return handler(proposal.subjectKind()).subjectPath(proposal);
    }


    private Proposal decidable(Authentication approver, long id, long expectedVersion) {
        if (!approver.getRoles().contains(Roles.SUPERVISOR)) {
            throw new RegistryException.Forbidden("proposal.error.supervisorOnly");
        }
        // ADMIN runs accounts and decides nothing, even when it also holds the supervisor role.
        if (approver.getRoles().contains(Roles.ADMIN)) {
            throw new RegistryException.Forbidden("proposal.error.adminApproves");
        }
        Proposal proposal = get(id);
        if (proposal.proposedBy().equals(approver.getName())) {
            throw new RegistryException.Forbidden("proposal.error.ownProposal");
        }
        if (!proposal.open()) {
            throw new RegistryException.Conflict("proposal.error.decided");
        }
        if (proposal.version() != expectedVersion) {
            throw new RegistryException.Conflict("error.conflict", "proposal", id);
        }
        return proposal;
    }

    private void decide(Proposal proposal, Proposal.Status status, String approver, String note) {
        int updated = sql.update("""
                UPDATE proposal SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?, version = version + 1
                WHERE id = ? AND version = ? AND status = 'OPEN'""",
                status, approver, Instant.now(clock), note, proposal.id(), proposal.version());
        if (updated == 0) {
            throw new RegistryException.Conflict("error.conflict", "proposal", proposal.id());
        }
    }

    private ProposalHandler handler(String subjectKind) {
        ProposalHandler handler = handlers.get(subjectKind);
        if (handler == null) {
            throw new IllegalArgumentException("No proposal handler for " + subjectKind);
        }
        return handler;
    }

    private Proposal map(ResultSet rs) throws SQLException {
        return new Proposal(rs.getLong("id"), rs.getString("subject_kind"),
                rs.getObject("subject_id") == null ? null : rs.getLong("subject_id"),
                rs.getString("action"), rs.getString("reason"), rs.getString("legal_basis"),
                fromJson(rs.getString("details")), Proposal.Status.valueOf(rs.getString("status")),
                rs.getString("proposed_by"), Sql.instant(rs, "proposed_at"), rs.getString("decided_by"),
                Sql.instant(rs, "decided_at"), rs.getString("decision_note"), rs.getLong("version"));
    }

    private String toJson(Map<String, String> details) {
        try {
            return details == null || details.isEmpty() ? null : json.writeValueAsString(details);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> fromJson(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, Argument.mapOf(String.class, String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
