package org.fairrecruit.registry.complaint;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The case queue pages, counts, sorts and filters in the URL and exports what it shows, as every staff list does. */
@MicronautTest(transactional = false)
class ComplaintQueueListTest {
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject ComplaintFixtures complaints;

    @Test
    void the_case_queue_counts_pages_filters_and_exports_the_cases_it_shows() {
        Receipt first = complaints.phoneCase(null, "QA");
        Receipt second = complaints.phoneCase(null, "MY");
        WebClient investigator = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.INVESTIGATOR),
                StaffFixtures.PASSWORD);

        String one = investigator.getHtml("/staff/complaints?reference=" + first.reference()).body();
        assertTrue(one.contains("Showing 1–1 of 1"), one);
        assertTrue(one.contains(first.reference()) && !one.contains(second.reference()), one);

        String paged = investigator.getHtml("/staff/complaints?category=PROHIBITED_FEES&sort=received&dir=desc&size=1").body();
        assertTrue(paged.contains(second.reference()) && !paged.contains(first.reference()), "newest first, one a page");
        assertTrue(paged.contains("rel=\"next\"") && paged.contains("category=PROHIBITED_FEES"), "the pager keeps the filter");
        assertFalse(investigator.getHtml("/staff/complaints?category=ABUSE").body().contains(first.reference()));

        HttpResponse<String> csv = investigator.send(java.net.http.HttpRequest.newBuilder(
                investigator.uri("/staff/complaints/export.csv?reference=" + first.reference())).GET());
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("reference,channel,category,status"), csv.body());
        assertTrue(csv.body().contains(first.reference()) && !csv.body().contains(second.reference()), csv.body());
        assertEquals(400, investigator.getHtml("/staff/complaints?sort=password").statusCode());
    }
}
