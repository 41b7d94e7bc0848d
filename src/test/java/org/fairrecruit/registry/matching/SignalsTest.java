package org.fairrecruit.registry.matching;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Country, year of birth and identity documents tell apart people of one name, when both sides know them. */
class SignalsTest {

    private final NameMatcher matcher = new NameMatcher(MatchingRules.defaults());

    @AfterEach
    void close() {
        matcher.close();
    }

    private static MatchableEntity person(String id, String name, Integer born, String... identifiers) {
        return new MatchableEntity(id, EntityType.PERSON, List.of(name), "BD", born, Set.of(identifiers));
    }

    private static MatchQuery query(String name, Integer born, String... identifiers) {
        return new MatchQuery(name, EntityType.PERSON, null, born, Set.of(identifiers));
    }

    @Test
    void a_year_of_birth_further_off_than_a_year_takes_an_exact_name_below_match() {
        Match match = matcher.compare(query("Mohammad Ali Hossain", 1990), person("P1", "Mohammad Ali Hossain", 1971)).orElseThrow();
        assertEquals(Verdict.POSSIBLE, match.verdict());
        assertEquals("exact match; born 1971, not 1990", match.explanation());
    }

    @Test
    void a_year_of_birth_one_year_off_is_the_same_year() {
        Match match = matcher.compare(query("Mohammad Ali Hossain", 1972), person("P1", "Mohammad Ali Hossain", 1971)).orElseThrow();
        assertEquals(Verdict.MATCH, match.verdict());
        assertEquals(1.0, match.score());
        assertEquals("exact match; same year of birth", match.explanation());
    }

    @Test
    void a_year_of_birth_known_to_one_side_only_changes_nothing() {
        assertEquals(1.0, matcher.compare(query("Mohammad Ali Hossain", 1990), person("P1", "Mohammad Ali Hossain", null))
                .orElseThrow().score());
        assertEquals(1.0, matcher.compare(query("Mohammad Ali Hossain", null), person("P1", "Mohammad Ali Hossain", 1971))
                .orElseThrow().score());
    }

    @Test
    void a_shared_identity_document_in_any_spelling_makes_a_similar_name_a_match() {
        MatchableEntity registered = person("P1", "Ram Bahadur Thapa", null, "PA 123-4567");
        assertEquals(Verdict.POSSIBLE, matcher.compare(query("Ram Bahadur", null), registered).orElseThrow().verdict());
        Match match = matcher.compare(query("Ram Bahadur", null, "pa1234567"), registered).orElseThrow();
        assertEquals(Verdict.MATCH, match.verdict());
        assertTrue(match.explanation().endsWith("; same identity document"), match.explanation());
    }

    @Test
    void a_shared_identity_document_does_not_make_a_match_of_another_name() {
        assertTrue(matcher.compare(query("Sita Gurung", null, "PA1234567"), person("P1", "Ram Bahadur Thapa", null, "PA1234567")).isEmpty());
    }

    @Test
    void search_tells_apart_two_people_of_one_name_by_year_of_birth_and_document() {
        matcher.upsertAll(List.of(
                person("P1", "Mohammad Ali Hossain", 1971, "BD-1111"),
                person("P2", "Mohammad Ali Hossain", 1990, "BD-2222")));
        List<Match> byYear = matcher.search(query("Mohammad Ali Hossain", 1990), 5);
        assertEquals(List.of("P2", "P1"), byYear.stream().map(Match::id).toList());
        assertEquals(List.of(Verdict.MATCH, Verdict.POSSIBLE), byYear.stream().map(Match::verdict).toList());
        List<Match> byDocument = matcher.search(query("Mohamad Ali Hosen", 1971, "bd 1111"), 5);
        assertEquals("P1", byDocument.get(0).id());
        assertTrue(byDocument.get(0).explanation().endsWith("; same year of birth; same identity document"),
                byDocument.get(0).explanation());
    }

    @Test
    void queries_without_signals_score_the_name_alone() {
        Optional<Match> match = matcher.compare(new MatchQuery("Mohammad Ali Hossain", EntityType.PERSON, null),
                person("P1", "Mohammad Ali Hossain", 1971, "BD-1111"));
        assertEquals("exact match", match.orElseThrow().explanation());
    }
}
