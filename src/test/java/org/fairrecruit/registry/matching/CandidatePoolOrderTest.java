package org.fairrecruit.registry.matching;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * When more names tie than the candidate pool holds, which of them are re-scored must not depend on
 * the order the index was loaded in (a parallel load at each start, on each replica), or the same
 * screening gives different answers on different days (issue 17).
 */
class CandidatePoolOrderTest {

    private static final int POOL = 5;
    private static final MatchingRules SMALL_POOL = new MatchingRules(MatchingRules.defaults().matchThreshold(),
            MatchingRules.defaults().possibleThreshold(), POOL);

    @Test
    void the_same_names_give_the_same_results_whatever_order_they_were_loaded_in() {
        List<MatchableEntity> namesakes = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            namesakes.add(new MatchableEntity("P" + k, EntityType.PERSON, List.of("Ram Bahadur Thapa"), "NP"));
        }
        List<MatchableEntity> reversed = new ArrayList<>(namesakes);
        Collections.reverse(reversed);

        assertEquals(ids(loadedInSegments(namesakes, 1)), ids(loadedInSegments(reversed, 1)));
    }

    /** Names of equal score in other segments, found in another order, must enter the pool in the same order. */
    @Test
    void the_same_names_give_the_same_results_however_many_segments_hold_them() {
        List<MatchableEntity> namesakes = new ArrayList<>();
        for (int k = 0; k < 2_000; k++) {
            namesakes.add(new MatchableEntity("P" + k, EntityType.PERSON, List.of("Ram Bahadur Thapa"), "NP"));
        }
        List<MatchableEntity> shuffled = new ArrayList<>(namesakes);
        Collections.shuffle(shuffled, new Random(17));

        assertEquals(ids(loadedInSegments(namesakes, 1)), ids(loadedInSegments(shuffled, 4)));
    }

    @Test
    void of_two_names_of_one_entity_that_score_alike_the_same_one_is_shown_whatever_their_order() {
        assertEquals(shownName(List.of("Sita Rai", "SITA RAI")), shownName(List.of("SITA RAI", "Sita Rai")));
    }

    private static String shownName(List<String> names) {
        try (NameMatcher matcher = new NameMatcher(MatchingRules.defaults())) {
            matcher.upsert(new MatchableEntity("P1", EntityType.PERSON, names, "NP"));
            matcher.refresh();
            return matcher.search(new MatchQuery("Sita Rai", EntityType.PERSON, null), 1).get(0).matchedName();
        }
    }

    private static List<Match> search(NameMatcher matcher) {
        List<Match> found = matcher.search(new MatchQuery("Ram Thapa", EntityType.PERSON, null), POOL);
        assertEquals(POOL, found.size());
        return found;
    }

    /** In this many parts, each made visible before the next is added, so each is a segment of its own. */
    private static List<Match> loadedInSegments(List<MatchableEntity> entities, int segments) {
        try (NameMatcher matcher = new NameMatcher(SMALL_POOL)) {
            int part = entities.size() / segments;
            for (int from = 0; from < entities.size(); from += part) {
                entities.subList(from, Math.min(entities.size(), from + part)).forEach(matcher::upsert);
                matcher.refresh();
            }
            return search(matcher);
        }
    }

    private static List<String> ids(List<Match> matches) {
        return matches.stream().map(Match::id).toList();
    }
}
