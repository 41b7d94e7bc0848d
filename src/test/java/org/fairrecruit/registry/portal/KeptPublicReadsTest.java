package org.fairrecruit.registry.portal;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.approval.ProposalDraft;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.licensing.Licence;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.TestClock;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a replica keeps of the public reads ({@link AgencyPages}, {@link AgencyProfiles}) is the same for
 * every visitor and goes when the register changes: no visitor's token or session in a kept page, a 304
 * only while the page is unchanged, a licence lookup that follows a suspension at once.
 */
@MicronautTest(transactional = false, environments = TestClock.ENV)
class KeptPublicReadsTest {
    private static final Authentication APPROVER = Authentication.build("supervisor-k", Set.of(Roles.SUPERVISOR));
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    @Inject EmbeddedServer server;
    @Inject RegisterFixtures fixtures;
    @Inject StaffFixtures staff;
    @Inject FourEyes fourEyes;
    @Inject TestClock clock;
    @Inject Verdicts verdicts;

    @Test
    void a_kept_page_carries_no_visitors_token_and_a_signed_in_visitor_gets_their_own() {
        String path = "/agencies/" + fixtures.agency("Token Free Manpower").id() + "?lang=en";
        WebClient officer = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.LICENSING_OFFICER),
                StaffFixtures.PASSWORD);
        String officerToken = formToken(officer.getHtml(path).body());

        WebClient first = new WebClient(server.getURI());
        HttpResponse<String> firstPage = first.getHtml(path);
        WebClient second = new WebClient(server.getURI());
        HttpResponse<String> secondPage = second.getHtml(path);

        assertEquals(firstPage.body(), secondPage.body(), "the same page for both");
        String firstCookie = first.cookie("REGISTRY_CSRF").orElseThrow();
        String secondCookie = second.cookie("REGISTRY_CSRF").orElseThrow();
        assertNotEquals(firstCookie, secondCookie, "each visitor gets their own CSRF cookie");
        for (String anonymous : new String[] {firstPage.body(), secondPage.body()}) {
            assertFalse(anonymous.contains(officerToken), "the officer's token in a public page");
            assertFalse(anonymous.contains("_csrf"), "a sign-out form in a public page");
            assertFalse(anonymous.contains(firstCookie) || anonymous.contains(secondCookie), "a visitor's token in the page");
        }
        assertEquals(officerToken, formToken(officer.getHtml(path).body()), "the officer is not served the kept page");
    }

    @Test
    void a_browser_that_has_the_page_gets_304_until_the_licence_changes() {
        long agency = fixtures.agency("Revalidated Manpower").id();
        Licence licence = fixtures.activeLicence(agency);
        WebClient browser = new WebClient(server.getURI());
        HttpResponse<String> page = browser.getHtml("/agencies/" + agency);
        String etag = page.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, revalidate(browser, agency, etag).statusCode());

        suspend(licence);

        HttpResponse<String> after = revalidate(browser, agency, etag);
        assertEquals(200, after.statusCode());
        assertTrue(after.body().contains("Licence suspended"), after.body());
        assertNotEquals(etag, after.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void a_kept_page_shows_the_time_of_each_check_and_a_browser_revalidating_a_minute_later_gets_it() {
        long agency = fixtures.agency("Checked Every Minute Manpower").id();
        WebClient browser = new WebClient(server.getURI());
        Instant first = clock.instant();
        try {
            HttpResponse<String> page = browser.getHtml("/agencies/" + agency + "?lang=en");
            String etag = page.headers().firstValue("ETag").orElseThrow();
            assertEquals(304, revalidate(browser, agency, etag).statusCode(), "the same minute: unchanged");

            Instant minuteLater = first.plus(Duration.ofMinutes(1));
            clock.set(minuteLater);
            HttpResponse<String> later = revalidate(browser, agency, etag);

            assertEquals(200, later.statusCode(), "a 304 would keep the old time of the check on the screen");
            assertNotEquals(etag, later.headers().firstValue("ETag").orElseThrow());
            String checkedThen = verdicts.moment(first, Locale.ENGLISH);
            String checkedNow = verdicts.moment(minuteLater, Locale.ENGLISH);
            assertTrue(later.body().contains("Checked on " + checkedNow), later.body());
            assertEquals(page.body().replace(checkedThen, checkedNow), later.body(), "only the time of the check differs");
        } finally {
            clock.set(first);
        }
    }

    @Test
    void a_licence_lookup_shows_a_suspension_at_once() {
        long agency = fixtures.agency("Looked Up Twice Manpower").id();
        Licence licence = fixtures.activeLicence(agency);
        String path = "/api/v1/public/licences/" + licence.licenceNumber();
        WebClient client = new WebClient(server.getURI());
        assertTrue(client.getJson(path).body().contains("\"status\":\"ACTIVE\""));

        suspend(licence);

        HttpResponse<String> after = client.getJson(path);
        assertEquals(200, after.statusCode());
        assertTrue(after.body().contains("\"status\":\"SUSPENDED\""), after.body());
    }

    private HttpResponse<String> revalidate(WebClient browser, long agency, String etag) {
        return browser.send(HttpRequest.newBuilder(browser.uri("/agencies/" + agency)).header("Accept", "text/html")
                .header("If-None-Match", etag).GET());
    }

    private void suspend(Licence licence) {
        Proposal suspension = fourEyes.propose("officer-k", new ProposalDraft("LICENCE", licence.id(), "SUSPEND",
                "Fees charged to workers.", "s. 12", Map.of("publicReason", "OTHER")));
        fourEyes.approve(APPROVER, suspension.id(), suspension.version());
    }

    private static String formToken(String page) {
        Matcher token = FORM_TOKEN.matcher(page);
        assertTrue(token.find(), "no sign-out form in the officer's page");
        return token.group(1);
    }
}
