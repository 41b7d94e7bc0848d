package org.fairrecruit.registry.sanction;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.matching.MatchQuery;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.matching.RegistryNameIndex;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.fairrecruit.registry.support.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The staff blacklist finds a listed person as staff type them: misspelt, by document number, by case reference. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffBlacklistSearchTest {
    private static final String LISTED = "Bikash Shrestha";
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject FourEyes fourEyes;
    @Inject RegistryNameIndex index;
    private WebClient investigator;

    @BeforeAll
    void listAPerson() {
        Proposal listing = fourEyes.propose("officer-bl-search", BlacklistDecisions.listing(new ListingDraft("PERSON", null,
                LISTED, List.of("Bikas Sir"), "NP", 1979, "NP-0099 8877", "ILLEGAL_RECRUITMENT", "CASE-BL-4711",
                LocalDate.now(), null), "Took fees for jobs that did not exist.", "Act s. 6"));
        fourEyes.approve(Authentication.build("supervisor-bl-search", Set.of(Roles.SUPERVISOR)), listing.id(),
                listing.version());
        // The name index follows the change feed; a change is searchable within about half a second.
        eventually("the listing in the name index", Duration.ofSeconds(5), () -> {
            index.followChanges();
            return !index.search(new MatchQuery(LISTED, null, null), 1).isEmpty();
        });
        investigator = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.INVESTIGATOR), StaffFixtures.PASSWORD);
    }

    @Test
    void a_misspelt_name_finds_the_listed_person() {
        assertTrue(page("Bikas Shresta").contains(LISTED));
    }

    @Test
    void an_identity_document_number_typed_without_spacing_finds_the_listed_person_and_stays_masked() {
        String page = page("np00998877");
        assertTrue(page.contains(LISTED), page);
        assertFalse(page.contains("0099 8877"), "the document number is shown masked");
    }

    @Test
    void a_case_reference_finds_the_listed_person() {
        assertTrue(page("case-bl-4711").contains(LISTED));
    }

    @Test
    void the_csv_export_carries_the_search_and_masks_documents() {
        var csv = investigator.getHtml("/staff/blacklist/export.csv?q=" + URLEncoder.encode("Bikas Shresta", StandardCharsets.UTF_8));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().lines().anyMatch(line -> line.contains(LISTED) && line.contains("NP-****77")), csv.body());
        assertFalse(csv.body().contains("0099 8877"));
    }

    private String page(String query) {
        var response = investigator.getHtml("/staff/blacklist?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
