package org.fairrecruit.registry.matching;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Words misspelt beyond one edit are found through the registered words that share their trigrams. */
class MisspeltWordsTest {

    private static final String[] SYLLABLES = {"ka", "ri", "so", "mu", "te", "la", "no", "bi", "ga", "de"};

    private final NameMatcher matcher = new NameMatcher(MatchingRules.defaults());

    @AfterEach
    void close() {
        matcher.close();
    }

    /** Agencies "<word> Manpower" with made-up words, so the trade word alone leads nowhere. */
    private static List<MatchableEntity> decoys() {
        List<MatchableEntity> decoys = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String word = SYLLABLES[i % 10] + SYLLABLES[i / 10 % 10] + SYLLABLES[i / 100 % 10] + "n";
            decoys.add(new MatchableEntity("D" + i, EntityType.AGENCY, List.of(word + " Manpower"), "NP"));
        }
        return decoys;
    }

    private String first(String query) {
        List<Match> found = matcher.search(new MatchQuery(query, EntityType.AGENCY, null), 5);
        return found.isEmpty() ? null : found.get(0).id();
    }

    @Test
    void a_word_two_edits_away_is_found_after_a_bulk_load() {
        List<MatchableEntity> all = new ArrayList<>(decoys());
        all.add(new MatchableEntity("A1", EntityType.AGENCY, List.of("Sagarmatha Manpower"), "NP"));
        matcher.upsertAll(all);
        for (String misspelt : List.of("Sagramatah Manpower", "Sgarmataha Manpower", "Sagarmtaha Manpower")) {
            assertEquals("A1", first(misspelt), misspelt);
        }
    }

    @Test
    void a_word_first_brought_by_an_upsert_is_found_two_edits_away() {
        matcher.upsertAll(decoys());
        matcher.upsert(new MatchableEntity("A1", EntityType.AGENCY, List.of("Sagarmatha Manpower"), "NP"));
        matcher.refresh();
        assertEquals("A1", first("Sagramatah Manpower"));
    }
}
