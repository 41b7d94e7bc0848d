package org.fairrecruit.registry.matching;

import io.micronaut.context.annotation.Property;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.fairrecruit.registry.changefeed.ChangeFeed;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index every search uses: loaded from the database, kept current through the change feed. */
@MicronautTest(transactional = false)
@Property(name = "registry.demo.enabled", value = "true")
class RegistryNameIndexTest {
    @Inject RegistryNameIndex index;
    @Inject JdbcOperations jdbc;
    @Inject ChangeFeed feed;
    @Inject TransactionOperations<Connection> tx;

    private List<Match> search(String name) {
        return index.search(new MatchQuery(name, null, null), 5);
    }

    private void write(EntityKind kind, long id, String... statements) {
        tx.executeWrite(status -> {
            for (String sql : statements) {
                jdbc.prepareStatement(sql, ps -> ps.executeUpdate());
            }
            feed.record(kind, id);
            return null;
        });
    }

    private static void within(Duration limit, String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " did not happen within " + limit);
            }
            Thread.sleep(100);
        }
    }

    private static Predicate<List<Match>> bestIs(String id, Verdict verdict) {
        return matches -> !matches.isEmpty() && matches.get(0).id().equals(id) && matches.get(0).verdict() == verdict;
    }

    @Test
    void demo_agency_is_found_by_its_native_script_name_and_a_blacklisted_person_by_an_alias() {
        assertTrue(bestIs("agency-2", Verdict.MATCH).test(search("हिमालय उदाहरण ओभरसिज")), search("हिमालय उदाहरण ओभरसिज").toString());
        assertTrue(bestIs("blacklist-2", Verdict.MATCH).test(search("Thapa, Ramesh Example")));
        assertEquals(EntityType.PERSON, search("Ramesh Example Thapa").get(0).type());
    }

    @Test
    void a_committed_agency_becomes_searchable_within_five_seconds_and_follows_a_rename() throws Exception {
        write(EntityKind.AGENCY, 900,
                "INSERT INTO agency (id, legal_name, registration_number, country, created_at) "
                        + "VALUES (900, 'Kestrel Harbour Demo Recruiters Ltd.', 'DEMO-T-900', 'NP', NOW(6))",
                "INSERT INTO agency_name (agency_id, name, kind) VALUES (900, 'Kestrel Harbour Demo Recruiters Ltd.', 'LEGAL')");

        within(Duration.ofSeconds(5), "new agency searchable",
                () -> bestIs("agency-900", Verdict.MATCH).test(search("Kestrel Harbour Demo Recruiters")));

        write(EntityKind.AGENCY, 900,
                "UPDATE agency_name SET name = 'Osprey Valley Demo Recruiters Ltd.' WHERE agency_id = 900");
        within(Duration.ofSeconds(5), "renamed agency searchable by its new name",
                () -> bestIs("agency-900", Verdict.MATCH).test(search("Osprey Valley Demo Recruiters")));
        assertTrue(search("Kestrel Harbour Demo Recruiters").stream().noneMatch(m -> m.id().equals("agency-900")
                && m.verdict() == Verdict.MATCH));
    }

    @Test
    void a_renamed_agency_is_found_by_its_new_name_in_the_next_search_once_the_change_is_applied() {
        write(EntityKind.AGENCY, 901,
                "INSERT INTO agency (id, legal_name, registration_number, country, created_at) "
                        + "VALUES (901, 'Heron Creek Demo Placements Ltd.', 'DEMO-T-901', 'NP', NOW(6))",
                "INSERT INTO agency_name (agency_id, name, kind) VALUES (901, 'Heron Creek Demo Placements Ltd.', 'LEGAL')");
        index.followChanges();
        assertTrue(bestIs("agency-901", Verdict.MATCH).test(search("Heron Creek Demo Placements")));
        assertTrue(search("Plover Ridge Demo Placements").stream().noneMatch(m -> m.id().equals("agency-901")));

        write(EntityKind.AGENCY, 901,
                "UPDATE agency_name SET name = 'Plover Ridge Demo Placements Ltd.' WHERE agency_id = 901");
        index.followChanges();
        assertTrue(bestIs("agency-901", Verdict.MATCH).test(search("Plover Ridge Demo Placements")));
        assertTrue(search("Heron Creek Demo Placements").stream().noneMatch(m -> m.id().equals("agency-901")
                && m.verdict() == Verdict.MATCH));
    }

    @Test
    void a_delisted_person_leaves_the_index() throws Exception {
        assertTrue(bestIs("blacklist-3", Verdict.MATCH).test(search("Maria Demo Santos")));

        write(EntityKind.BLACKLIST_ENTRY, 3,
                "UPDATE blacklist_entry SET delisted_on = CURRENT_DATE, delisting_reason = 'test' WHERE id = 3");

        within(Duration.ofSeconds(5), "delisted person gone",
                () -> search("Maria Demo Santos").stream().noneMatch(m -> m.id().equals("blacklist-3")));
    }
}
