package org.fairrecruit.registry.matching;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NameMatcherTest {

    private final NameMatcher matcher = new NameMatcher(MatchingRules.defaults());

    @AfterEach
    void close() {
        matcher.close();
    }

    private static MatchableEntity agency(String id, String... names) {
        return new MatchableEntity(id, EntityType.AGENCY, List.of(names), "NP");
    }

    private static MatchableEntity person(String id, String... names) {
        return new MatchableEntity(id, EntityType.PERSON, List.of(names), "NP");
    }

    private Optional<Match> compare(String query, MatchableEntity entity) {
        return matcher.compare(new MatchQuery(query, entity.type(), null), entity);
    }

    private List<Match> search(String query, EntityType type) {
        return matcher.search(new MatchQuery(query, type, null), 5);
    }

    @Test
    void dropped_middle_name_is_still_a_match() {
        assertEquals(Verdict.MATCH, compare("Ram Thapa", person("P1", "Ram Bahadur Thapa")).orElseThrow().verdict());
    }

    @Test
    void a_different_surname_is_not_a_match() {
        Optional<Match> match = compare("Krishna Bahadur Rai", person("P1", "Krishna Bahadur Gurung"));
        assertTrue(match.isEmpty() || match.get().verdict() == Verdict.POSSIBLE);
    }

    @Test
    void leaving_out_trade_words_is_still_a_match_but_changing_them_is_not() {
        MatchableEntity agency = agency("A1", "Sagarmatha Himal Manpower Services Pvt. Ltd.");
        assertEquals(Verdict.MATCH, compare("Sagarmatha Himal Pvt Ltd", agency).orElseThrow().verdict());
        Optional<Match> changed = compare("Sagarmatha Himal Travel and Tours Pvt Ltd", agency);
        assertTrue(changed.isEmpty() || changed.get().verdict() == Verdict.POSSIBLE);
    }

    @Test
    void a_name_sharing_only_trade_words_is_no_match() {
        Optional<Match> match = compare("Karnali Global Manpower Services", agency("A1", "Sagarmatha Global Manpower Services"));
        assertTrue(match.isEmpty() || match.get().verdict() == Verdict.POSSIBLE);
        assertTrue(compare("Karnali Overseas", agency("A1", "Sagarmatha Global Manpower Services")).isEmpty());
    }

    @Test
    void a_first_name_and_a_common_middle_name_alone_are_no_match() {
        assertEquals(Verdict.POSSIBLE, compare("Ram Bahadur", person("P1", "Ram Bahadur Thapa")).orElseThrow().verdict());
    }

    @Test
    void scores_stay_between_zero_and_one() {
        Match match = compare("Ram Bahadur Thapa", person("P1", "Ram Bahadur Thapa", "राम बहादुर थापा")).orElseThrow();
        assertEquals(1.0, match.score());
    }

    @Test
    void a_query_of_another_type_does_not_compare() {
        assertTrue(matcher.compare(new MatchQuery("Ram Thapa", EntityType.AGENCY, null), person("P1", "Ram Thapa")).isEmpty());
    }

    @Test
    void any_name_of_an_entity_can_match_and_the_result_says_which() {
        matcher.upsertAll(List.of(agency("A1", "Sagarmatha Manpower Pvt. Ltd.", "Everest Jobs", "सगरमाथा म्यानपावर")));
        assertEquals("Everest Jobs", search("Everest Jobs", EntityType.AGENCY).get(0).matchedName());
        assertEquals("Sagarmatha Manpower Pvt. Ltd.", search("Sagarmata Manpower", EntityType.AGENCY).get(0).matchedName());
    }

    @Test
    void search_ranks_the_closest_entity_first_and_filters_by_type() {
        matcher.upsertAll(List.of(
                agency("A1", "Everest Himal Manpower Pvt. Ltd."),
                agency("A2", "Everest Overseas Pvt. Ltd."),
                person("P1", "Everest Himal")));
        List<Match> results = search("Everest Himal Man Power", EntityType.AGENCY);
        assertEquals("A1", results.get(0).id());
        assertTrue(results.stream().allMatch(m -> m.type() == EntityType.AGENCY));
        assertEquals(2, matcher.search(new MatchQuery("Everest Himal", null, null), 5).stream()
                .filter(m -> m.verdict() == Verdict.MATCH).count());
    }

    @Test
    void a_blank_query_finds_nothing() {
        matcher.upsertAll(List.of(agency("A1", "Sagarmatha Manpower")));
        assertTrue(search("  ", null).isEmpty());
        assertTrue(search("- . ,", EntityType.AGENCY).isEmpty());
    }

    @Test
    void upsert_replaces_all_names_of_an_entity() throws InterruptedException {
        matcher.upsertAll(List.of(agency("A1", "Sagarmatha Manpower")));
        matcher.upsert(agency("A1", "Karnali Overseas"));
        assertTrue(eventually(() -> search("Sagarmatha Manpower", EntityType.AGENCY).isEmpty()));
        assertEquals("A1", search("Karnali Overseas", EntityType.AGENCY).get(0).id());
        assertEquals(1, matcher.size());
    }

    @Test
    void a_change_is_visible_to_searches_within_a_second() throws InterruptedException {
        matcher.upsertAll(List.of(agency("A1", "Sagarmatha Manpower")));
        long start = System.nanoTime();
        matcher.upsert(agency("A2", "Karnali Overseas"));
        assertTrue(eventually(() -> !search("Karnali Overseas", EntityType.AGENCY).isEmpty()));
        assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(1_000));
    }

    @Test
    void the_next_search_after_a_change_sees_it_although_the_same_search_ran_before() {
        matcher.upsertAll(List.of(agency("A1", "Sagarmatha Manpower")));
        assertTrue(search("Karnali Overseas", EntityType.AGENCY).isEmpty());
        assertEquals("A1", search("Sagarmatha Manpower", EntityType.AGENCY).get(0).id());

        matcher.upsert(agency("A2", "Karnali Overseas"));
        matcher.upsert(agency("A1", "Himal Overseas"));
        matcher.refresh();
        assertEquals("A2", search("Karnali Overseas", EntityType.AGENCY).get(0).id());
        assertTrue(search("Sagarmatha Manpower", EntityType.AGENCY).isEmpty());

        matcher.remove("A2");
        matcher.refresh();
        assertTrue(search("Karnali Overseas", EntityType.AGENCY).isEmpty());
    }

    @Test
    void removed_entity_is_no_longer_found() throws InterruptedException {
        matcher.upsertAll(List.of(agency("A1", "Sagarmatha Manpower"), agency("A2", "Karnali Overseas")));
        matcher.remove("A1");
        assertTrue(eventually(() -> search("Sagarmatha Manpower", EntityType.AGENCY).isEmpty()));
        assertEquals(1, matcher.size());
    }

    @Test
    void searches_run_safely_while_entities_change() throws Exception {
        List<MatchableEntity> agencies = new ArrayList<>();
        for (int k = 0; k < 500; k++) {
            agencies.add(agency("A" + k, "Everest " + k + " Manpower"));
        }
        matcher.upsertAll(agencies);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> writer = pool.submit(() -> {
                for (int k = 0; k < 500; k++) {
                    matcher.upsert(agency("A" + k, "Karnali " + k + " Overseas"));
                }
            });
            Future<?> reader = pool.submit(() -> {
                for (int k = 0; k < 200; k++) {
                    matcher.search(new MatchQuery("Everest Manpower", EntityType.AGENCY, null), 5);
                }
            });
            writer.get(30, TimeUnit.SECONDS);
            reader.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdown();
        }
        assertEquals(500, matcher.size());
    }

    private interface Condition {
        boolean holds();
    }

    /** Index changes become visible within a second, so poll up to that long. */
    private static boolean eventually(Condition condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_000);
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.holds();
    }
}
