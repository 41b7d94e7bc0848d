package org.fairrecruit.registry.sanction;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.approval.PublicStatement;
import org.fairrecruit.registry.audit.AuditEvent;
import org.fairrecruit.registry.audit.AuditLog;
import org.fairrecruit.registry.changefeed.ChangeFeed;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.licensing.Licence;
import org.fairrecruit.registry.licensing.LicenceTransition;
import org.fairrecruit.registry.licensing.Licensing;
import org.fairrecruit.registry.kernel.MessageKey;
import org.fairrecruit.registry.kernel.RegistryException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Sanctions on agencies, recorded when a supervisor approves them (see {@link SanctionDecisions}).
 * A suspension or revocation moves the agency's licence through {@link Licensing}, so the licence
 * state machine, status history, audit and decision letter apply as for any licence decision.
 */
@Singleton
public class Sanctions {
    private final Sql sql;
    private final AuditLog audit;
    private final ChangeFeed feed;
    private final Licensing licensing;
    private final Clock clock;

    Sanctions(Sql sql, AuditLog audit, ChangeFeed feed, Licensing licensing, Clock clock) {
        this.sql = sql;
        this.audit = audit;
        this.feed = feed;
        this.licensing = licensing;
        this.clock = clock;
    }

    /** The agency's sanctions, newest first. */
    @Transactional(readOnly = true)
    public List<Sanction> forAgency(long agencyId) {
        return sql.list("SELECT * FROM sanction WHERE agency_id = ? ORDER BY imposed_on DESC, id DESC", Sanctions::sanction,
                agencyId);
    }

    /** Refuses a suspension or revocation of an agency whose licence cannot make that move now. */
    void requireLicenceFor(long agencyId, SanctionKind kind) {
        kind.licenceMove().ifPresent(move -> licenceFor(agencyId, move));
    }

    Sanction impose(String approver, Proposal proposal, SanctionTerms terms) {
        long agencyId = proposal.subjectId();
        long id = sql.insert("""
                INSERT INTO sanction (agency_id, kind, amount, currency, reason, legal_basis, case_reference, imposed_on,
                    proposal_id, proposed_by, decided_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                agencyId, terms.kind(), terms.amount(), terms.currency(), proposal.reason(), proposal.legalBasis(),
                terms.caseReference(), LocalDate.now(clock), proposal.id(), proposal.proposedBy(), approver);
        Sanction sanction = sql.one("SELECT * FROM sanction WHERE id = ?", Sanctions::sanction, id).orElseThrow();
        audit.record(new AuditEvent(approver, "sanction.imposed", "sanction", String.valueOf(id), proposal.reason()),
                null, sanction);
        terms.kind().licenceMove().ifPresent(move -> licensing.decideApproved(approver, licenceFor(agencyId, move).id(),
                move, proposal.reason(), PublicStatement.of(PublicStatement.Reason.SANCTION), proposal.legalBasis(), null,
                proposal.id()));
        feed.record(EntityKind.AGENCY, agencyId);
        return sanction;
    }

    private Licence licenceFor(long agencyId, LicenceTransition move) {
        return licensing.movableBy(agencyId, move).orElseThrow(() -> new RegistryException.Conflict(
                "sanction.error.noLicence", new MessageKey("licence.transition." + move.name())));
    }

    private static Sanction sanction(ResultSet rs) throws SQLException {
        return new Sanction(rs.getLong("id"), rs.getLong("agency_id"), SanctionKind.valueOf(rs.getString("kind")),
                rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("reason"), rs.getString("legal_basis"),
                rs.getString("case_reference"), Sql.date(rs, "imposed_on"), rs.getLong("proposal_id"),
                rs.getString("proposed_by"), rs.getString("decided_by"));
    }
}
