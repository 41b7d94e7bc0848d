package org.fairrecruit.registry.sanction;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.licensing.Application;
import org.fairrecruit.registry.licensing.GrantTerms;
import org.fairrecruit.registry.licensing.Licence;
import org.fairrecruit.registry.licensing.LicenceStatus;
import org.fairrecruit.registry.licensing.Licensing;
import org.fairrecruit.registry.licensing.StatusChange;
import org.fairrecruit.registry.matching.EntityType;
import org.fairrecruit.registry.matching.Match;
import org.fairrecruit.registry.matching.MatchQuery;
import org.fairrecruit.registry.matching.RegistryNameIndex;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.kernel.RegistryException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.fairrecruit.registry.support.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Listing and delisting are four-eyes; listing an agency ends its licence; a listed agency gets no licence. */
@MicronautTest(transactional = false)
class BlacklistDecisionsTest {
    /** The name index follows the change feed; its searches see a change within about half a second. */
    private static final Duration INDEX_LAG = Duration.ofSeconds(5);
    private static final Authentication PROPOSER_AS_SUPERVISOR = Authentication.build("supervisor-a", Set.of(Roles.SUPERVISOR));
    private static final Authentication APPROVER = Authentication.build("supervisor-b", Set.of(Roles.SUPERVISOR));

    @Inject FourEyes fourEyes;
    @Inject Listings listings;
    @Inject Licensing licensing;
    @Inject RegistryNameIndex index;
    @Inject RegisterFixtures fixtures;

    @Test
    void a_person_is_listed_only_after_a_second_supervisor_approves_and_leaves_after_an_approved_delisting()
            throws Exception {
        Proposal listing = fourEyes.propose("supervisor-a", BlacklistDecisions.listing(person("Rahim Uddin Chowdhury",
                "রহিম উদ্দিন চৌধুরী"), "Collected fees for jobs that did not exist.", "Overseas Employment Act s. 6"));
        assertThrows(RegistryException.Forbidden.class, () -> fourEyes.approve(PROPOSER_AS_SUPERVISOR, listing.id(),
                listing.version()));
        assertThrows(RegistryException.Forbidden.class, () -> fourEyes.approve(
                Authentication.build("investigator", Set.of(Roles.INVESTIGATOR)), listing.id(), listing.version()));
        index.followChanges();
        assertEquals(List.of(), listings.inForce("Rahim", 10));
        assertTrue(search("Rahim Uddin Chowdhury").stream().noneMatch(m -> m.id().startsWith("blacklist-")));

        fourEyes.approve(APPROVER, listing.id(), listing.version());

        Listings.Entry entry = listings.inForce("Rahim", 10).get(0);
        assertEquals("AB1****89", entry.idDocumentMasked());
        String id = "blacklist-" + entry.id();
        eventually("the listing searchable", INDEX_LAG, () -> {
            index.followChanges();
            return search("Md. Rahim Uddin Chowdhury").stream().anyMatch(m -> m.id().equals(id));
        });

        Proposal delisting = fourEyes.propose("officer-c", BlacklistDecisions.delisting(entry.id(),
                "Court quashed the conviction.", "s. 9"));
        assertEquals(1, listings.inForce("Rahim", 10).size(), "still listed until approved");
        fourEyes.approve(APPROVER, delisting.id(), delisting.version());
        assertEquals(List.of(), listings.inForce("Rahim", 10));
        eventually("the delisted entry gone from search", INDEX_LAG, () -> {
            index.followChanges();
            return search("Rahim Uddin Chowdhury").stream().noneMatch(m -> m.id().equals(id));
        });
    }

    @Test
    void listing_an_agency_revokes_its_licence_and_a_listed_agency_cannot_be_granted_one() {
        long agency = fixtures.agency("Blacklisted Later Manpower").id();
        Licence licence = fixtures.activeLicence(agency);
        Proposal listing = fourEyes.propose("officer-a", BlacklistDecisions.listing(new ListingDraft("AGENCY", agency, null,
                List.of(), null, null, null, "PROHIBITED_FEES", "CASE-77", LocalDate.now(), null),
                "Prohibited fees in 40 cases.", "s. 13"));

        fourEyes.approve(APPROVER, listing.id(), listing.version());

        assertTrue(listings.agencyListed(agency));
        assertEquals(LicenceStatus.REVOKED, licensing.get(licence.id()).status());
        StatusChange revocation = licensing.history(licence.id()).get(2);
        assertEquals("Prohibited fees in 40 cases.", revocation.reason());
        assertEquals(listing.id(), revocation.proposalId());

        long other = fixtures.agency("Listed Before Applying Services").id();
        Application application = fixtures.reviewedApplication(other);
        Proposal second = fourEyes.propose("officer-a", BlacklistDecisions.listing(new ListingDraft("AGENCY", other, null,
                List.of(), null, null, null, "FRAUD", null, LocalDate.now(), null), "Fraud.", "s. 13"));
        fourEyes.approve(APPROVER, second.id(), second.version());
        RegistryException.Conflict refused = assertThrows(RegistryException.Conflict.class, () -> licensing.grant(
                "officer-a", application.id(), application.version(), new GrantTerms(null, null)));
        assertEquals("licence.error.agencyListed", refused.messageKey());
    }

    private static ListingDraft person(String name, String nativeName) {
        return new ListingDraft("PERSON", null, name, List.of(nativeName), "BD", 1981, "AB1234567 89",
                "ILLEGAL_RECRUITMENT", "CASE-12", LocalDate.now(), null);
    }

    private List<Match> search(String name) {
        return index.search(new MatchQuery(name, EntityType.PERSON, null), 5);
    }
}
