package org.fairrecruit.registry.licensing;

import io.micronaut.context.event.ApplicationEventPublisher;
import org.fairrecruit.registry.approval.SubjectChanged;
import org.fairrecruit.registry.database.Column;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.agency.AgencyRegister;
import org.fairrecruit.registry.approval.PublicStatement;
import org.fairrecruit.registry.audit.AuditEvent;
import org.fairrecruit.registry.audit.AuditLog;
import org.fairrecruit.registry.changefeed.ChangeFeed;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.MessageKey;
import org.fairrecruit.registry.kernel.RegistryException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The licensing lifecycle. Every status change goes through {@link #move}, which enforces the
 * {@link LicenceTransition} state machine and optimistic locking, and writes the status history,
 * the audit record, the change-feed row and the decision notice in the caller's transaction.
 */
@Singleton
public class Licensing {
    private final Sql sql;
    private final AuditLog audit;
    private final ChangeFeed feed;
    private final AgencyRegister agencies;
    private final LicenceNumbers numbers;
    private final DecisionNotices notices;
    private final ApplicationReview review;
    private final LicensingSettings settings;
    private final AgencyListings listings;
    private final Clock clock;
    private final ApplicationEventPublisher<SubjectChanged> events;

    Licensing(Sql sql, AuditLog audit, ChangeFeed feed, AgencyRegister agencies, LicenceNumbers numbers,
              DecisionNotices notices, ApplicationReview review, LicensingSettings settings, AgencyListings listings,
              Clock clock, ApplicationEventPublisher<SubjectChanged> events) {
        this.events = events;
        this.listings = listings;
        this.sql = sql;
        this.audit = audit;
        this.feed = feed;
        this.agencies = agencies;
        this.numbers = numbers;
        this.notices = notices;
        this.review = review;
        this.settings = settings;
        this.clock = clock;
    }

    /** Files a new licence application: a PENDING licence, screened at once. */
    @Transactional
    public Application apply(String actor, long agencyId) {
        agencies.get(agencyId);
        if (sql.list("SELECT status FROM licence WHERE agency_id = ? FOR UPDATE", rs -> LicenceStatus.valueOf(rs.getString(1)),
                agencyId).stream().anyMatch(LicenceStatus::holdsOrAwaits)) {
            throw new RegistryException.Conflict("licence.error.alreadyHeld");
        }
        long licenceId = sql.insert("INSERT INTO licence (agency_id, status, created_at) VALUES (?, ?, ?)",
                agencyId, LicenceStatus.PENDING, Instant.now(clock));
        Licence pending = get(licenceId);
        recordHistory(pending, null, Grounds.system("licence.reason.applied"), actor);
        Application application = review.open(actor, pending, Application.Kind.NEW);
        audit.record(AuditEvent.of(actor, "licence.applied", "licence", licenceId), null, pending);
        feed.record(EntityKind.AGENCY, agencyId);
        return application;
    }

    /**
     * Files a renewal. Accepted only inside the renewal window (from {@code renewalWindowDays} before
     * expiry until the last valid day); while it is open the licence does not expire.
     */
    @Transactional
    public Application renew(String actor, long licenceId) {
        Licence licence = lock(licenceId);
        if (licence.status() != LicenceStatus.ACTIVE) {
            throw new RegistryException.Conflict("licence.error.renewalNotActive", statusName(licence.status()));
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate windowOpens = renewalOpens(licence);
        if (today.isBefore(windowOpens)) {
            throw new RegistryException.Conflict("licence.error.renewalTooEarly", windowOpens.toString());
        }
        if (today.isAfter(licence.validUntil())) {
            throw new RegistryException.Conflict("licence.error.renewalTooLate");
        }
        if (review.openFor(licenceId).isPresent()) {
            throw new RegistryException.Conflict("licence.error.renewalOpen");
        }
        Application application = review.open(actor, licence, Application.Kind.RENEWAL);
        audit.record(AuditEvent.of(actor, "licence.renewal-filed", "licence", licenceId), licence, application);
        return application;
    }

    /** The first day a renewal of the licence can be filed: {@code renewalWindowDays} before it expires. */
    public LocalDate renewalOpens(Licence licence) {
        return licence.validUntil().minusDays(settings.renewalWindowDays());
    }

    /** The rules a grant must meet, all refused at once (a form reports them beside a date it could not read). */
    void checkGrant(Application application, GrantTerms terms) {
        new InvalidInput.Collector()
                .optionalText("conditions", terms.conditions(), Column.LICENCE_CONDITIONS)
                .require(review.missingChecklist(application).isEmpty(), "checklist", "licence.error.checklistIncomplete")
                .require(!review.hasUnclearedMatch(application), "screening", "licence.error.screeningMatch")
                .throwIfAny();
    }

    /** Grants an open application: a new licence with its number, or a renewal with the next validity period. */
    @Transactional
    public Licence grant(String actor, long applicationId, long expectedVersion, GrantTerms terms) {
        Application application = review.decidable(applicationId, expectedVersion);
        checkGrant(application, terms);
        Licence licence = lock(application.licenceId());
        if (listings.agencyListed(licence.agencyId())) {
            throw new RegistryException.Conflict("licence.error.agencyListed");
        }
        String conditions = terms.conditions() == null || terms.conditions().isBlank() ? null : terms.conditions().strip();
        Licence after;
        if (application.kind() == Application.Kind.NEW) {
            LocalDate from = terms.validFrom() == null ? LocalDate.now(clock) : terms.validFrom();
            after = move(actor, licence, LicenceTransition.GRANT,
                    licence.granted(numbers.next(), from, from.plusYears(settings.validityYears()), conditions),
                    Grounds.system("licence.reason.granted"));
        } else {
            after = move(actor, licence, LicenceTransition.RENEW, licence.granted(licence.licenceNumber(),
                            licence.validFrom(), licence.validUntil().plusYears(settings.validityYears()), conditions),
                    Grounds.system("licence.reason.renewed"));
        }
        review.close(actor, application, Application.Status.GRANTED);
        return after;
    }

    /**
     * An officer alone lifts only a suspension an officer alone could not have imposed wrongly: every
     * suspension is four-eyes today, so lifting one is four-eyes too (see {@link #decider}).
     */
    @Transactional
    public Licence reinstate(String actor, long licenceId, OfficerDecision decision) {
        if (decider(get(licenceId), LicenceTransition.REINSTATE) == LicenceTransition.Decider.FOUR_EYES) {
            throw new RegistryException.Conflict("licence.error.reinstatementNeedsFourEyes");
        }
        return officerMove(actor, licenceId, LicenceTransition.REINSTATE, decision);
    }

    /**
     * Who decides this move for this licence now. Undoing a four-eyes decision takes four eyes as well:
     * lifting a suspension that a supervisor approved needs a proposal and another supervisor.
     */
    @Transactional(readOnly = true)
    public LicenceTransition.Decider decider(Licence licence, LicenceTransition transition) {
        if (transition == LicenceTransition.REINSTATE && licence.status() == LicenceStatus.SUSPENDED
                && sql.count("SELECT COUNT(*) FROM licence_status_change WHERE licence_id = ? AND to_status = ? "
                + "AND proposal_id IS NOT NULL AND id = (SELECT MAX(id) FROM licence_status_change WHERE licence_id = ? "
                + "AND to_status = ?)", licence.id(), LicenceStatus.SUSPENDED, licence.id(), LicenceStatus.SUSPENDED) > 0) {
            return LicenceTransition.Decider.FOUR_EYES;
        }
        return transition.decider();
    }

    @Transactional
    public Licence surrender(String actor, long licenceId, OfficerDecision decision) {
        return officerMove(actor, licenceId, LicenceTransition.SURRENDER, decision);
    }

    /** Carries out a refusal, suspension, revocation or lifted suspension a supervisor approved (see {@link LicenceDecisions}). */
    @Transactional
    public Licence decideApproved(String approver, long licenceId, LicenceTransition transition, String reason,
                                  PublicStatement statement, String legalBasis, LocalDate suspendedUntil, long proposalId) {
        Licence licence = lock(licenceId);
        Licence next = transition == LicenceTransition.SUSPEND ? licence.suspendedUntil(suspendedUntil)
                : licence.moved(transition.to());
        Licence after = move(approver, licence, transition, next, Grounds.decided(reason, statement, legalBasis, proposalId));
        // Lifting a suspension leaves a pending renewal open; the adverse moves end it.
        if (transition != LicenceTransition.REINSTATE) {
            review.openFor(licenceId).ifPresent(open -> review.close(approver, open,
                    transition == LicenceTransition.REFUSE ? Application.Status.REFUSED : Application.Status.CLOSED));
        }
        return after;
    }

    /**
     * A blacklisted agency cannot hold an active licence: revokes its active or suspended licence, if it
     * has one, as part of the approved listing (same reason, legal basis and proposal).
     */
    @Transactional
    public Optional<Licence> revokeForListing(String approver, long agencyId, String reason, String legalBasis,
                                              long proposalId) {
        return movableBy(agencyId, LicenceTransition.REVOKE)
                .map(licence -> decideApproved(approver, licence.id(), LicenceTransition.REVOKE, reason,
                        PublicStatement.of(PublicStatement.Reason.BLACKLISTED), legalBasis,
                        null, proposalId));
    }

    /** The system's own moves: expiry at the end of validity, and the end of a dated suspension. */
    @Transactional
    public Licence decideBySchedule(long licenceId, LicenceTransition transition, String reasonKey) {
        Licence licence = lock(licenceId);
        Licence after = move("system", licence, transition, licence.moved(transition.to()), Grounds.system(reasonKey));
        review.openFor(licenceId).ifPresent(open -> review.close("system", open, Application.Status.CLOSED));
        return after;
    }

    @Transactional(readOnly = true)
    public Licence get(long licenceId) {
        return sql.one("SELECT * FROM licence WHERE id = ?", Licensing::licence, licenceId)
                .orElseThrow(() -> new RegistryException.NotFound("licence", licenceId));
    }

    @Transactional(readOnly = true)
    public List<Licence> forAgency(long agencyId) {
        return sql.list("SELECT * FROM licence WHERE agency_id = ? ORDER BY id DESC", Licensing::licence, agencyId);
    }

    /** The agency's licence that speaks for it now: the newest one. */
    @Transactional(readOnly = true)
    public Optional<Licence> current(long agencyId) {
        return forAgency(agencyId).stream().findFirst();
    }

    /** The agency's licence a sanction or a blacklisting acts on: its newest, if the move is allowed from its status. */
    @Transactional(readOnly = true)
    public Optional<Licence> movableBy(long agencyId, LicenceTransition transition) {
        return current(agencyId).filter(licence -> transition.allowedFrom(licence.status()));
    }

    @Transactional(readOnly = true)
    public List<StatusChange> history(long licenceId) {
        return sql.list("SELECT * FROM licence_status_change WHERE licence_id = ? ORDER BY occurred_at, id",
                rs -> new StatusChange(rs.getLong("id"), rs.getLong("licence_id"),
                        rs.getString("from_status") == null ? null : LicenceStatus.valueOf(rs.getString("from_status")),
                        LicenceStatus.valueOf(rs.getString("to_status")), rs.getString("reason"),
                        rs.getString("reason_key"), rs.getString("public_remarks"), rs.getString("remarks_lang"),
                        rs.getString("legal_basis"), rs.getString("actor"),
                        rs.getObject("proposal_id") == null ? null : rs.getLong("proposal_id"),
                        Sql.instant(rs, "occurred_at")), licenceId);
    }

    /** An ACTIVE licence ending within the given days, soonest first. */
    public record Expiring(long agencyId, String agencyName, String licenceNumber, LocalDate validUntil,
                           boolean renewalFiled) {
    }

    @Transactional(readOnly = true)
    public List<Expiring> expiringWithin(int days, int limit) {
        LocalDate today = LocalDate.now(clock);
        record Row(long agencyId, String licenceNumber, LocalDate validUntil, boolean renewalFiled) {
        }
        List<Row> rows = sql.list("""
                SELECT l.agency_id, l.licence_number, l.valid_until,
                    EXISTS (SELECT 1 FROM licence_application x WHERE x.licence_id = l.id AND x.status = 'OPEN') AS renewal
                FROM licence l WHERE l.status = ? AND l.valid_until BETWEEN ? AND ? ORDER BY l.valid_until LIMIT ?""",
                rs -> new Row(rs.getLong(1), rs.getString(2), Sql.date(rs, "valid_until"), rs.getBoolean("renewal")),
                LicenceStatus.ACTIVE, today, today.plusDays(days), limit);
        Map<Long, String> names = agencies.legalNames(rows.stream().map(Row::agencyId).distinct().toList());
        return rows.stream().map(r -> new Expiring(r.agencyId(), names.get(r.agencyId()), r.licenceNumber(), r.validUntil(),
                r.renewalFiled())).toList();
    }

    /** Refuses early a move the state machine would refuse, e.g. when it is only being proposed. */
    static void requireAllowed(LicenceTransition transition, LicenceStatus status) {
        if (!transition.allowedFrom(status)) {
            throw new RegistryException.Conflict("licence.error.transition",
                    new MessageKey("licence.transition." + transition.name()), statusName(status));
        }
    }

    private Licence officerMove(String actor, long licenceId, LicenceTransition transition, OfficerDecision decision) {
        new InvalidInput.Collector()
                .text("reason", decision.reason(), Column.DECISION_REASON)
                .text("legalBasis", decision.legalBasis(), Column.LEGAL_BASIS)
                .throwIfAny();
        PublicStatement statement = decision.statement();
        Licence licence = lock(licenceId);
        if (licence.version() != decision.version()) {
            throw new RegistryException.Conflict("error.conflict", "licence", licenceId);
        }
        return move(actor, licence, transition, licence.moved(transition.to()),
                Grounds.decided(decision.reason().strip(), statement, decision.legalBasis().strip(), null));
    }

    /**
     * Why a licence moves: {@code reason} is the decider's internal note; the public learns {@code statement},
     * or only {@code reasonKey} for the system's own moves (grant, renewal, expiry).
     */
    private record Grounds(String reason, String reasonKey, PublicStatement statement, String legalBasis, Long proposalId) {
        static Grounds system(String reasonKey) {
            return new Grounds(null, reasonKey, null, null, null);
        }

        static Grounds decided(String reason, PublicStatement statement, String legalBasis, Long proposalId) {
            return new Grounds(reason, statement.messageKey(), statement, legalBasis, proposalId);
        }
    }

    private Licence move(String actor, Licence current, LicenceTransition transition, Licence next, Grounds grounds) {
        requireAllowed(transition, current.status());
        int updated = sql.update("""
                UPDATE licence SET licence_number = ?, status = ?, valid_from = ?, valid_until = ?, conditions = ?,
                    suspended_until = ?, version = version + 1 WHERE id = ? AND version = ?""",
                next.licenceNumber(), next.status(), next.validFrom(), next.validUntil(), next.conditions(),
                next.suspendedUntil(), current.id(), current.version());
        if (updated == 0) {
            throw new RegistryException.Conflict("error.conflict", "licence", current.id());
        }
        Licence after = get(current.id());
        StatusChange change = recordHistory(after, current.status(), grounds, actor);
        audit.record(new AuditEvent(actor, "licence." + transition.name().toLowerCase(), "licence",
                String.valueOf(current.id()), grounds.reason() == null ? grounds.reasonKey() : grounds.reason()), current, after);
        feed.record(EntityKind.AGENCY, current.agencyId());
        events.publishEvent(new SubjectChanged(LicenceDecisions.SUBJECT, current.id(), actor));
        Agency agency = agencies.get(current.agencyId());
        notices.decided(agency, after, transition, change);
        return after;
    }

    private StatusChange recordHistory(Licence licence, LicenceStatus from, Grounds grounds, String actor) {
        PublicStatement statement = grounds.statement();
        long id = sql.insert("""
                INSERT INTO licence_status_change (licence_id, from_status, to_status, reason, reason_key, public_remarks,
                    remarks_lang, legal_basis, actor, proposal_id, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                licence.id(), from, licence.status(), grounds.reason(), grounds.reasonKey(),
                statement == null ? null : statement.remarks(), statement == null ? null : statement.remarksLang(),
                grounds.legalBasis(), actor, grounds.proposalId(), Instant.now(clock));
        return history(licence.id()).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    private Licence lock(long licenceId) {
        return sql.one("SELECT * FROM licence WHERE id = ? FOR UPDATE", Licensing::licence, licenceId)
                .orElseThrow(() -> new RegistryException.NotFound("licence", licenceId));
    }

    private static MessageKey statusName(LicenceStatus status) {
        return new MessageKey("licence.status." + status.name());
    }

    private static Licence licence(ResultSet rs) throws SQLException {
        return new Licence(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("licence_number"),
                LicenceStatus.valueOf(rs.getString("status")), Sql.date(rs, "valid_from"), Sql.date(rs, "valid_until"),
                rs.getString("conditions"), Sql.date(rs, "suspended_until"), rs.getLong("version"));
    }
}
