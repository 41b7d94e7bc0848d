package org.fairrecruit.registry.bulkimport;

import jakarta.inject.Singleton;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.approval.ProposalDraft;
import org.fairrecruit.registry.approval.ProposalHandler;
import org.fairrecruit.registry.approval.ProposalSubject;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.RegistryException;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A checked import is a four-eyes proposal: it is applied only when a supervisor other than the uploader
 * approves, and then by {@link ImportWorker} (in the approver's name), so a large file never runs inside
 * the approving request.
 */
@Singleton
class ImportDecisions implements ProposalHandler {
    static final String SUBJECT = "IMPORT";
    static final String APPLY = "APPLY";
    private final Sql sql;
    private final Clock clock;

    ImportDecisions(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    static ProposalDraft draft(long jobId, ImportKind kind, String fileName, int rows) {
        return new ProposalDraft(SUBJECT, jobId, APPLY, "Import " + rows + " " + kind.name().toLowerCase() + " rows from "
                + fileName + " (import " + jobId + ")", "Bulk import of existing records", Map.of("kind", kind.name()));
    }

    @Override
    public String subjectKind() {
        return SUBJECT;
    }

    @Override
    public void check(ProposalDraft draft) {
        if (!APPLY.equals(draft.action()) || draft.subjectId() == null) {
            throw new IllegalArgumentException("Unknown import proposal " + draft.action());
        }
    }

    @Override
    public Optional<Long> carryOut(Proposal proposal, String approver) {
        move(proposal, ImportJob.Status.APPROVED, approver);
        return Optional.empty();
    }

    @Override
    public void rejected(Proposal proposal, String rejectedBy) {
        move(proposal, ImportJob.Status.DISCARDED, rejectedBy);
    }

    @Override
    public ProposalSubject subject(Proposal proposal) {
        String file = sql.one("SELECT file_name FROM import_job WHERE id = ?", rs -> rs.getString(1), proposal.subjectId())
                .orElse("");
        return new ProposalSubject(file + " (" + proposal.details().get("kind") + ", #" + proposal.subjectId() + ")",
                "/admin/imports/" + proposal.subjectId());
    }

    private void move(Proposal proposal, ImportJob.Status status, String by) {
        int moved = sql.update("UPDATE import_job SET status = ?, approved_by = ?, proposal_id = ?, finished_at = ? "
                        + "WHERE id = ? AND status = 'AWAITING_APPROVAL'", status, by, proposal.id(),
                status == ImportJob.Status.DISCARDED ? Instant.now(clock) : null, proposal.subjectId());
        if (moved == 0) {
            throw new RegistryException.Conflict("error.conflict", "import", proposal.subjectId());
        }
    }
}
