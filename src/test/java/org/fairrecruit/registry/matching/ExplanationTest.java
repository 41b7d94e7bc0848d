package org.fairrecruit.registry.matching;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each thing the matcher forgives is said in the explanation, in words. */
class ExplanationTest {

    private final NameMatcher matcher = new NameMatcher(MatchingRules.defaults());

    @AfterEach
    void close() {
        matcher.close();
    }

    private String explain(String query, EntityType type, String... names) {
        Match match = matcher.compare(new MatchQuery(query, type, null),
                new MatchableEntity("X1", type, List.of(names), null)).orElseThrow();
        return match.explanation();
    }

    @Test
    void identical_name_is_an_exact_match() {
        assertEquals("exact match", explain("Ram Bahadur Thapa", EntityType.PERSON, "Ram Bahadur Thapa"));
    }

    @Test
    void case_spacing_and_punctuation_are_forgiven_silently() {
        assertEquals("same name apart from case, spacing and punctuation",
                explain("RAM  BAHADUR-THAPA", EntityType.PERSON, "Ram Bahadur Thapa"));
    }

    @Test
    void missing_or_different_legal_form_is_ignored() {
        assertEquals("legal form ignored", explain("Everest Manpower", EntityType.AGENCY, "Everest Manpower Pvt. Ltd."));
        assertEquals("legal form ignored", explain("Everest Manpower Inc.", EntityType.AGENCY, "Everest Manpower Pvt. Ltd."));
    }

    @Test
    void legal_form_in_another_spelling_is_named() {
        assertEquals("legal form 'Pvt Ltd' read as 'Private Limited'",
                explain("Everest Manpower Pvt Ltd", EntityType.AGENCY, "Everest Manpower Private Limited"));
    }

    @Test
    void name_part_equivalence_is_named() {
        assertEquals("'Mohd' read as 'Mohammad'", explain("Mohd Kamal Ahmed", EntityType.PERSON, "Mohammad Kamal Ahmed"));
    }

    @Test
    void abbreviation_is_named() {
        assertEquals("'Intl' read as 'International'",
                explain("Everest Intl", EntityType.AGENCY, "Everest International"));
        assertEquals("'Grn' read as 'Grand'", explain("Grn Everest Manpower", EntityType.AGENCY, "Grand Everest Manpower"));
    }

    @Test
    void a_typo_is_named_with_the_registered_spelling() {
        assertEquals("one letter differs in 'Thapa'", explain("Ram Bahadur Thaqa", EntityType.PERSON, "Ram Bahadur Thapa"));
        assertEquals("two letters swapped in 'First'", explain("Firts Everest Manpower", EntityType.AGENCY, "First Everest Manpower"));
    }

    @Test
    void romanisation_variant_is_read_as_the_registered_spelling() {
        assertEquals("'Prashad' read as 'Prasad'", explain("Durga Prashad Rai", EntityType.PERSON, "Durga Prasad Rai"));
    }

    @Test
    void sound_alike_spelling_is_named() {
        assertEquals("'Rafique' sounds like 'Rafik'", explain("Sheikh Rafique", EntityType.PERSON, "Sheikh Rafik"));
    }

    @Test
    void word_order_is_named() {
        assertEquals("word order differs", explain("Thapa, Ram Bahadur", EntityType.PERSON, "Ram Bahadur Thapa"));
    }

    @Test
    void words_written_together_or_apart_are_named() {
        assertEquals("'Delacruz' read as 'Dela Cruz'", explain("Rosario Delacruz", EntityType.PERSON, "Rosario Dela Cruz"));
        assertEquals("spacing differs in 'Tek Bahadur'", explain("Te kBahadur Rai", EntityType.PERSON, "Tek Bahadur Rai"));
    }

    @Test
    void initial_is_named() {
        assertEquals("'R' taken as the initial of 'Rodrigo'",
                explain("R. Santos Villanueva", EntityType.PERSON, "Rodrigo Santos Villanueva"));
    }

    @Test
    void dropped_middle_name_and_trade_words_are_named() {
        assertEquals("'Castillo' left out", explain("Maria Cristina Dela Cruz", EntityType.PERSON, "Maria Cristina Castillo Dela Cruz"));
        assertEquals("legal form ignored; 'Manpower Services' left out",
                explain("Everest Himal", EntityType.AGENCY, "Everest Himal Manpower Services Pvt. Ltd."));
    }

    @Test
    void words_not_in_the_registered_name_are_named() {
        assertTrue(explain("Everest Himal Manpower Nepal", EntityType.AGENCY, "Everest Himal Manpower")
                .contains("'Nepal' not in the name"));
    }

    @Test
    void accents_are_named() {
        assertEquals("accents ignored", explain("Rosario Pena", EntityType.PERSON, "Rosario Peña"));
    }

    @Test
    void transliteration_is_named() {
        assertEquals("transliterated from Devanagari", explain("राम बहादुर थापा", EntityType.PERSON, "Ram Bahadur Thapa"));
        assertTrue(explain("Fatema Karim", EntityType.PERSON, "ফাতেমা করিম").startsWith("matched the Bengali spelling"));
    }

    @Test
    void another_registered_country_is_named_and_costs_a_little() {
        Match match = matcher.compare(new MatchQuery("Everest Manpower", EntityType.AGENCY, "bd"),
                new MatchableEntity("X1", EntityType.AGENCY, List.of("Everest Manpower"), "NP")).orElseThrow();
        assertEquals("exact match; registered in NP, not BD", match.explanation());
        assertTrue(match.score() < 1);
    }

    @Test
    void a_near_spelling_of_another_known_name_is_named_as_such() {
        matcher.upsertAll(List.of(
                new MatchableEntity("P1", EntityType.PERSON, List.of("Josefina Santos"), "PH"),
                new MatchableEntity("P2", EntityType.PERSON, List.of("Budi Santoso"), "ID")));
        Match match = matcher.search(new MatchQuery("Josefina Santoso", EntityType.PERSON, null), 5).get(0);
        assertEquals("P1", match.id());
        assertEquals(Verdict.POSSIBLE, match.verdict());
        assertEquals("'Santoso' is another name than 'Santos'", match.explanation());
    }

    @Test
    void a_letter_written_as_its_name_is_named() {
        assertEquals("transliterated from Devanagari; 'एस' read as the initial S", explain("एस रामन", EntityType.PERSON, "S. Raman"));
        assertEquals("transliterated from Devanagari; 'केसी' read as the initials KC",
                explain("बिष्णु केसी", EntityType.PERSON, "Bishnu K.C."));
    }

    @Test
    void initials_written_together_are_named_with_the_words_they_stand_for() {
        assertEquals("'AK' taken as the initials of 'Anil Kumar'", explain("A.K. Sharma", EntityType.PERSON, "Anil Kumar Sharma"));
    }

    @Test
    void a_romanisation_rule_is_named_with_where_it_is_usual() {
        assertEquals("'Bijoy' read as 'Bijay' (a/o, Bengali)", explain("Bijoy Das", EntityType.PERSON, "Bijay Das"));
        assertEquals("'Alagan' read as 'Azhagan' (zh/l, Tamil and Malayalam)",
                explain("Alagan Murugan", EntityType.PERSON, "Azhagan Murugan"));
        assertEquals("'Pharid' read as 'Farid' (ph/f)", explain("Sheikh Pharid Haque", EntityType.PERSON, "Sheikh Farid Haque"));
    }

    @Test
    void a_nickname_is_named() {
        assertEquals("'Bill' taken as a nickname of 'William'", explain("Bill Fernandes", EntityType.PERSON, "William Fernandes"));
    }

    @Test
    void a_number_in_another_spelling_is_named() {
        assertEquals("'III' read as 'Third'", explain("Joseph Pinto III", EntityType.PERSON, "Joseph Pinto Third"));
    }

    @Test
    void three_words_written_as_one_are_named() {
        assertEquals("'Vanderberg' read as 'Van Der Berg'", explain("Jan Vanderberg", EntityType.PERSON, "Jan Van Der Berg"));
    }

    @Test
    void a_left_out_initial_is_named() {
        assertEquals("'K' left out", explain("Rameshwar", EntityType.PERSON, "Rameshwar K."));
    }
}
