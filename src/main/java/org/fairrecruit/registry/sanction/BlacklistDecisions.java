package org.fairrecruit.registry.sanction;

import org.fairrecruit.registry.database.Column;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.agency.AgencyRegister;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.approval.ProposalDraft;
import org.fairrecruit.registry.approval.ProposalHandler;
import org.fairrecruit.registry.approval.ProposalSubject;
import org.fairrecruit.registry.audit.AuditEvent;
import org.fairrecruit.registry.audit.AuditLog;
import org.fairrecruit.registry.changefeed.ChangeFeed;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.licensing.Licensing;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.RegistryException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Listing on and delisting from the blacklist, both four-eyes: proposed by one staff member, carried
 * out when a different supervisor approves. A proposed listing is nowhere public until then. Listing a
 * registered agency revokes its licence in the same transaction (a blacklisted agency cannot hold one).
 */
@Singleton
public class BlacklistDecisions implements ProposalHandler {
    public static final String SUBJECT = "BLACKLIST_ENTRY";
    public static final String LIST = "LIST";
    public static final String DELIST = "DELIST";
    private final Sql sql;
    private final AuditLog audit;
    private final ChangeFeed feed;
    private final AgencyRegister agencies;
    private final Licensing licensing;
    private final Listings listings;
    private final Clock clock;

    BlacklistDecisions(Sql sql, AuditLog audit, ChangeFeed feed, AgencyRegister agencies, Licensing licensing,
                       Listings listings, Clock clock) {
        this.sql = sql;
        this.audit = audit;
        this.feed = feed;
        this.agencies = agencies;
        this.licensing = licensing;
        this.listings = listings;
        this.clock = clock;
    }

    /** A listing to propose; {@code reason} and {@code legalBasis} are those of the listing itself. */
    public static ProposalDraft listing(ListingDraft draft, String reason, String legalBasis) {
        return new ProposalDraft(SUBJECT, null, LIST, reason, legalBasis, draft.toDetails());
    }

    public static ProposalDraft delisting(long entryId, String reason, String legalBasis) {
        return new ProposalDraft(SUBJECT, entryId, DELIST, reason, legalBasis, Map.of());
    }

    @Override
    public String subjectKind() {
        return SUBJECT;
    }

    @Override
    public void check(ProposalDraft draft) {
        if (DELIST.equals(draft.action())) {
            if (draft.subjectId() == null || listings.listedName(draft.subjectId()).isEmpty()) {
                throw new RegistryException.Conflict("blacklist.error.notListed");
            }
        } else if (LIST.equals(draft.action()) && draft.subjectId() == null) {
            validate(ListingDraft.fromDetails(draft.details()));
        } else {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("action", "field.invalid")));
        }
    }

    @Override
    public Optional<Long> carryOut(Proposal proposal, String approver) {
        if (DELIST.equals(proposal.action())) {
            delist(proposal, approver);
            return Optional.empty();
        }
        return Optional.of(list(proposal, approver));
    }

    @Override
    public ProposalSubject subject(Proposal proposal) {
        String name = proposal.details().get("name") != null ? proposal.details().get("name")
                : proposal.details().get("agencyId") != null
                ? agencies.get(Long.parseLong(proposal.details().get("agencyId"))).legalName()
                : sql.one("SELECT name FROM blacklist_entry WHERE id = ?", rs -> rs.getString(1), proposal.subjectId())
                .orElse("#" + proposal.subjectId());
        return new ProposalSubject(name, proposal.details().get("agencyId") != null
                ? "/staff/agencies/" + proposal.details().get("agencyId") : "/staff/blacklist");
    }

    /** Lists show an identity document masked, as the public pages do; only the listing itself keeps it whole. */
    @Override
    public Map<String, String> shownDetails(Proposal proposal) {
        Map<String, String> shown = new LinkedHashMap<>(proposal.details());
        shown.computeIfPresent(ListingDraft.ID_DOCUMENT, (key, number) -> IdentityDocuments.masked(number));
        return shown;
    }

    private long list(Proposal proposal, String approver) {
        ListingDraft draft = ListingDraft.fromDetails(proposal.details());
        String name = draft.agencyId() != null ? agencies.get(draft.agencyId()).legalName() : draft.name().strip();
        long id = sql.insert("""
                INSERT INTO blacklist_entry (subject_type, agency_id, name, nationality, birth_year, id_document,
                    reason_category, legal_basis, case_reference, listed_on, expires_on, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", draft.subjectType(), draft.agencyId(), name,
                draft.nationality(), draft.birthYear(), draft.idDocument(), draft.reasonCategory(),
                proposal.legalBasis(), draft.caseReference(), draft.listedOn(), draft.expiresOn(), Instant.now(clock));
        draft.aliases().forEach(alias -> sql.update("INSERT INTO blacklist_alias (entry_id, name) VALUES (?, ?)", id, alias));
        audit.record(new AuditEvent(approver, "blacklist.listed", "blacklist_entry", String.valueOf(id), proposal.reason()),
                null, draft);
        feed.record(EntityKind.BLACKLIST_ENTRY, id);
        if (draft.agencyId() != null) {
            feed.record(EntityKind.AGENCY, draft.agencyId());
            licensing.revokeForListing(approver, draft.agencyId(), proposal.reason(), proposal.legalBasis(), proposal.id());
        }
        return id;
    }

    private void delist(Proposal proposal, String approver) {
        long id = proposal.subjectId();
        if (sql.update("UPDATE blacklist_entry SET delisted_on = ?, delisting_reason = ?, version = version + 1 "
                + "WHERE id = ? AND delisted_on IS NULL", LocalDate.now(clock), proposal.reason(), id) == 0) {
            throw new RegistryException.Conflict("blacklist.error.notListed");
        }
        audit.record(new AuditEvent(approver, "blacklist.delisted", "blacklist_entry", String.valueOf(id), proposal.reason()),
                null, null);
        feed.record(EntityKind.BLACKLIST_ENTRY, id);
        sql.one("SELECT agency_id FROM blacklist_entry WHERE id = ? AND agency_id IS NOT NULL", rs -> rs.getLong(1), id)
                .ifPresent(agencyId -> feed.record(EntityKind.AGENCY, agencyId));
    }

    private void validate(ListingDraft draft) {
        InvalidInput.Collector check = new InvalidInput.Collector()
                .require(draft.subjectType() != null && ListingDraft.SUBJECT_TYPES.contains(draft.subjectType()),
                        "subjectType", "field.invalid")
                .require(draft.reasonCategory() != null && ListingDraft.REASONS.contains(draft.reasonCategory()),
                        "reasonCategory", "field.invalid")
                .optionalText("idDocument", draft.idDocument(), Column.ID_DOCUMENT)
                .optionalText("caseReference", draft.caseReference(), Column.CASE_REFERENCE)
                .date("listedOn", draft.listedOn())
                .require(draft.expiresOn() == null || draft.listedOn() == null || draft.expiresOn().isAfter(draft.listedOn()),
                        "expiresOn", "field.future")
                .require(draft.birthYear() == null || (draft.birthYear() > 1900
                        && draft.birthYear() <= LocalDate.now(clock).getYear()), "birthYear", "field.year");
        if ("AGENCY".equals(draft.subjectType()) && (draft.agencyId() != null || draft.name() == null)) {
            check.require(draft.agencyId() != null && agencies.find(draft.agencyId()).isPresent(), "agencyId",
                    "field.required");
        } else {
            // a person, or a business that was never registered (e.g. an unlicensed recruiter from a complaint)
            check.text("name", draft.name(), Column.LISTED_NAME);
        }
        if (draft.nationality() != null) {
            check.country("nationality", draft.nationality());
        }
        draft.aliases().forEach(alias -> check.optionalText("aliases", alias, Column.LISTED_NAME));
        check.throwIfAny();
    }
}
