package org.fairrecruit.registry.portal;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.agency.PublicRegister;
import org.fairrecruit.registry.complaint.PublicComplaints;
import org.fairrecruit.registry.fee.PublicFees;
import org.fairrecruit.registry.kernel.Paging;
import org.fairrecruit.registry.licensing.PublicLicences;
import org.fairrecruit.registry.sanction.PublicSanctions;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The portal's facts, each from the public read model of the capability that owns it (register,
 * licensing, sanction, complaint, fee), which may run on a read replica. Only public fields reach
 * here: no complainants, no unsubstantiated complaints, no identity-document numbers. Lists are
 * read in batches of ids, never one query per row.
 */
@Singleton
class PortalQueries {
    /** What a search result needs to know about an agency. */
    record AgencyCard(long id, String legalName, @Nullable String licenceNumber, @Nullable String licenceStatus,
                      @Nullable LocalDate validUntil, boolean blacklisted) {
        Standing standing(LocalDate today) {
            return Standing.of(licenceStatus, validUntil, blacklisted, today);
        }
    }

    /** The agency a licence or registration number belongs to, and the number as registered. */
    record NumberHit(long agencyId, String number, PortalSearch.FoundBy foundBy) {
    }

    private final PublicRegister register;
    private final PublicLicences licences;
    private final PublicSanctions sanctions;
    private final PublicComplaints complaints;
    private final PublicFees fees;

    PortalQueries(PublicRegister register, PublicLicences licences, PublicSanctions sanctions, PublicComplaints complaints,
                  PublicFees fees) {
        this.register = register;
        this.licences = licences;
        this.sanctions = sanctions;
        this.complaints = complaints;
        this.fees = fees;
    }

    Optional<AgencyProfile> agency(long id, LocalDate today) {
        return register.find(id).map(entry -> {
            AgencyProfile.Licence licence = licences.current(id).map(l -> new AgencyProfile.Licence(l.number(), l.status(),
                    l.validFrom(), l.validUntil(), l.conditions(), l.conditionCodes(), l.activities())).orElse(null);
            List<AgencyProfile.Listing> listings = listings(sanctions.ofAgencies(List.of(id), today));
            // Same rule as an AgencyCard's: blacklisted while it has a current listing.
            Standing standing = Standing.of(licence == null ? null : licence.status(),
                    licence == null ? null : licence.validUntil(), !listings.isEmpty(), today);
            return new AgencyProfile(id, entry.legalName(),
                    entry.names().stream().map(n -> new AgencyProfile.Name(n.name(), n.kind().name())).toList(),
                    entry.registrationNumber(), entry.country(), entry.address(),
                    new AgencyProfile.Contact(entry.phone(), entry.email(), entry.website()), entry.destinations(), licence,
                    licences.history(id).stream().map(c -> new AgencyProfile.StatusChange(c.fromStatus(), c.toStatus(), null,
                            c.reasonKey(), c.remarks(), c.remarksLang(), c.legalBasis(), c.occurredAt())).toList(),
                    entry.branches().stream().map(b -> new AgencyProfile.Branch(b.name(), b.address(), b.country(),
                            b.phone())).toList(),
                    sanctions.sanctionsOf(id).stream().map(s -> new AgencyProfile.Sanction(s.kind(), s.decidedOn(),
                            s.legalBasis())).toList(),
                    listings, complaints.substantiatedAgainst(id),
                    fees.provenProhibited(id).stream().map(f -> new AgencyProfile.FeeTotal(f.currency(), f.amount())).toList(),
                    standing);
        });
    }

    /** The agency holding this licence number (its newest licence with it, if renumbered). */
    Optional<Long> licenceHolder(String licenceNumber) {
        return licences.holder(licenceNumber).map(PublicLicences.Holder::agencyId);
    }

    Map<Long, AgencyCard> agencyCards(Collection<Long> ids, LocalDate today) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, PublicLicences.Current> current = licences.currentOf(ids);
        Set<Long> listed = sanctions.listedAmong(ids, today);
        Map<Long, AgencyCard> cards = new LinkedHashMap<>();
        register.legalNames(ids).forEach((id, name) -> {
            PublicLicences.Current licence = current.get(id);
            cards.put(id, new AgencyCard(id, name, licence == null ? null : licence.number(),
                    licence == null ? null : licence.status(), licence == null ? null : licence.validUntil(),
                    listed.contains(id)));
        });
        return cards;
    }

    /** Current blacklist entries by id (expired and delisted ones are left out). */
    Map<Long, AgencyProfile.Listing> listings(Collection<Long> ids, LocalDate today) {
        Map<Long, AgencyProfile.Listing> byId = new LinkedHashMap<>();
        listings(sanctions.inForce(ids, today)).forEach(listing -> byId.put(listing.id(), listing));
        return byId;
    }

    /** Current blacklist entries of these registered agencies. */
    List<AgencyProfile.Listing> listingsOfAgencies(Collection<Long> agencyIds, LocalDate today) {
        return listings(sanctions.ofAgencies(agencyIds, today));
    }

    /** Every current blacklist entry, newest listing first. */
    List<AgencyProfile.Listing> currentListings(Paging paging, LocalDate today) {
        return listings(sanctions.newest(paging.size(), paging.offset(), today));
    }

    /**
     * The agency whose licence number (first) or registration number this is. Case, separators, and
     * O/0 and I/1 do not matter: "ra 2O24/OOO1" finds RA-2024-0001.
     */
    Optional<NumberHit> agencyByNumber(String number) {
        return licences.holder(number).map(h -> new NumberHit(h.agencyId(), h.licenceNumber(), PortalSearch.FoundBy.LICENCE_NUMBER))
                .or(() -> register.byRegistrationNumber(number).map(r -> new NumberHit(r.agencyId(), r.registrationNumber(),
                        PortalSearch.FoundBy.REGISTRATION_NUMBER)));
    }

    private static List<AgencyProfile.Listing> listings(List<PublicSanctions.Listing> listings) {
        return listings.stream().map(e -> new AgencyProfile.Listing(e.id(), e.subjectType(), e.name(), e.aliases(),
                e.nationality(), e.birthYear(), e.reasonCategory(), e.legalBasis(), e.listedOn(), e.expiresOn(),
                e.agencyId())).toList();
    }
}
