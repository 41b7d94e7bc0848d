package org.fairrecruit.registry.licensing;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.agency.AgencyRegister;
import org.fairrecruit.registry.agency.KeyPersonInput;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.approval.ProposalDraft;
import org.fairrecruit.registry.changefeed.ChangeFeed;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.matching.EntityType;
import org.fairrecruit.registry.matching.MatchQuery;
import org.fairrecruit.registry.matching.RegistryNameIndex;
import org.fairrecruit.registry.matching.Verdict;
import io.micronaut.transaction.TransactionOperations;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.fairrecruit.registry.support.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Applicants are screened against the blacklist and against persons disqualified by a revocation. */
@MicronautTest(transactional = false)
class ApplicationScreeningTest {
    @Inject Licensing licensing;
    @Inject ApplicationReview review;
    @Inject AgencyRegister register;
    @Inject FourEyes fourEyes;
    @Inject RegisterFixtures fixtures;
    @Inject RegistryNameIndex index;
    @Inject ChangeFeed feed;
    @Inject Sql sql;
    @Inject TransactionOperations<Connection> tx;

    @Test
    void a_director_of_a_revoked_agency_is_caught_when_his_name_comes_back_in_devanagari() {
        Agency revoked = fixtures.agency("Kathmandu Sky Manpower Pvt. Ltd.", "Ramesh Kumar Shrestha");
        Licence licence = fixtures.activeLicence(revoked.id());
        Proposal revocation = fourEyes.propose("officer-a", new ProposalDraft("LICENCE", licence.id(), "REVOKE",
                "Charged workers placement fees.", "Regulation s. 13", Map.of("publicReason", "OTHER")));
        fourEyes.approve(Authentication.build("supervisor-b", Set.of(Roles.SUPERVISOR)), revocation.id(),
                revocation.version());

        Agency newcomer = fixtures.agency("Fresh Start Overseas Pvt. Ltd.");
        register.addKeyPerson("officer-a", newcomer.id(), new KeyPersonInput("Sita Gurung", "रमेश कुमार श्रेष्ठ",
                Agency.PersonRole.OWNER, "NP", 1975, LocalDate.of(2026, 1, 1)));
        Application application = licensing.apply("officer-a", newcomer.id());

        List<ScreeningHit> hits = review.screeningHits(application.id());
        assertTrue(hits.stream().anyMatch(hit -> hit.list().equals("DISQUALIFIED")
                && hit.subject().equals("रमेश कुमार श्रेष्ठ") && hit.matchedName().equals("Ramesh Kumar Shrestha")
                && hit.verdict() == Verdict.MATCH), hits.toString());
        assertTrue(hits.stream().noneMatch(hit -> hit.subject().equals("Sita Gurung")), hits.toString());
        assertTrue(review.hasUnclearedMatch(application));
    }

    @Test
    void a_key_person_close_to_a_blacklisted_recruiter_is_shown_to_the_officer() throws Exception {
        tx.executeWrite(status -> {
            long id = sql.insert("""
                    INSERT INTO blacklist_entry (subject_type, name, nationality, reason_category, legal_basis, listed_on,
                        created_at) VALUES ('PERSON', 'Mohammad Abdul Karim', 'BD', 'ILLEGAL_RECRUITMENT', 'Act s. 6',
                        '2025-01-01', NOW(6))""");
            feed.record(EntityKind.BLACKLIST_ENTRY, id);
            return null;
        });
        index.followChanges();
        // Name index changes become searchable within half a second (see matching.CandidateIndex).
        eventually("the listed person searchable", Duration.ofSeconds(5),
                () -> index.search(new MatchQuery("Mohammad Abdul Karim", EntityType.PERSON, null), 1), hits -> !hits.isEmpty());
        Agency agency = fixtures.agency("Clean Name Services", "Mohd. Abdul Karim");

        Application application = licensing.apply("officer-a", agency.id());

        List<ScreeningHit> hits = review.screeningHits(application.id());
        assertEquals(1, hits.size(), hits.toString());
        assertEquals("BLACKLIST", hits.get(0).list());
        assertEquals("Mohammad Abdul Karim", hits.get(0).matchedName());
    }

    @Test
    void an_applicant_with_nobody_listed_screens_clear() {
        Application application = licensing.apply("officer-a", fixtures.agency("Quiet Harbour Staffing", "Anil Tamang").id());
        assertEquals(List.of(), review.screeningHits(application.id()));
    }
}
