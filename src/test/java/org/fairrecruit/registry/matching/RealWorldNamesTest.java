package org.fairrecruit.registry.matching;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Names as other people write them (issue 22): Indian initials, regional romanisations, nicknames,
 * numbers, words written together. Each rule with names it must join and names it must keep apart;
 * the examples are our own.
 */
class RealWorldNamesTest {

    private final NameMatcher matcher = new NameMatcher(MatchingRules.defaults());

    @AfterEach
    void close() {
        matcher.close();
    }

    private Optional<Match> compare(String query, EntityType type, String registered) {
        return matcher.compare(new MatchQuery(query, type, null), new MatchableEntity("X", type, List.of(registered), null));
    }

    private void assertMatch(String query, EntityType type, String registered) {
        Match match = compare(query, type, registered).orElseThrow(() -> new AssertionError(query + " found nothing"));
        assertEquals(Verdict.MATCH, match.verdict(), match::toString);
    }

    private void assertNoMatch(String query, EntityType type, String registered) {
        Optional<Match> match = compare(query, type, registered);
        assertTrue(match.isEmpty() || match.get().verdict() == Verdict.POSSIBLE, () -> match.get().toString());
    }

    @ParameterizedTest(name = "{0} meets {1}")
    @CsvSource(delimiter = '|', value = {
            "एस.के. गुप्ता|S.K. Gupta", "एस.के. गुप्ता|SK Gupta", "एस के गुप्ता|S K Gupta",
            "एस.के. गुप्ता|Suresh Kumar Gupta", "आर। कृष्णन|R. Krishnan", "ए॰के॰ शर्मा|A.K. Sharma",
            "वी.वी.एस. राघवन|V.V.S. Raghavan", "बी.एन. सिंह|B.N. Singh", "এম. এ. রহমান|M. A. Rahman",
            "এ কে এম ফজলুল হক|A.K.M. Fazlul Haque", "बिष्णु केसी|Bishnu K.C."})
    void devanagari_and_bengali_letter_names_are_initials(String query, String registered) {
        assertMatch(query, EntityType.PERSON, registered);
    }

    @ParameterizedTest(name = "{0} is not {1}")
    @CsvSource(delimiter = '|', value = {"एस.के. गुप्ता|A.K. Gupta", "के.एल. शर्मा|K.L. Mehta", "एम.ए. करीम|M.A. Rahman"})
    void other_initials_or_another_surname_are_no_match(String query, String registered) {
        assertNoMatch(query, EntityType.PERSON, registered);
    }

    @ParameterizedTest(name = "{0} meets {1}")
    @CsvSource(delimiter = '|', value = {"A.K. Sharma|Anil Kumar Sharma", "AK Sharma|A K Sharma", "SK Sinha|S.K. Sinha",
            "Sharma, A.K.|A.K. Sharma", "Anil Kumar Sharma|A.K. Sharma"})
    void initials_written_together_meet_the_letters_apart_and_the_words_they_stand_for(String query, String registered) {
        assertMatch(query, EntityType.PERSON, registered);
    }

    @Test
    void a_short_word_is_taken_for_initials_only_when_written_as_initials() {
        assertNoMatch("Ed Smith", EntityType.PERSON, "Eric Daniel Smith");
    }

    @ParameterizedTest(name = "{0} meets {1}")
    @CsvSource(delimiter = '|', value = {"Rameshwar|Rameshwar K.", "Rameshwar K.|Rameshwar", "Natarajan|T. Natarajan",
            "Smith, J R|John Smith"})
    void an_initial_the_other_name_has_nothing_for_costs_little(String query, String registered) {
        assertMatch(query, EntityType.PERSON, registered);
    }

    @ParameterizedTest(name = "{0} is not {1}")
    @CsvSource(delimiter = '|', value = {"B.K. Sharma|A.K. Sharma", "K. Raman|Suresh Raman", "Sharma|A.K. Sharma"})
    void an_initial_in_the_place_of_another_name_still_counts_in_full(String query, String registered) {
        assertNoMatch(query, EntityType.PERSON, registered);
    }

    @ParameterizedTest(name = "{0} meets {1}")
    @CsvSource(delimiter = '|', value = {"Bijoy Sorkar|Bijay Sarkar", "Avishek Banerjee|Abhishek Banerjee",
            "Alagan Murugan|Azhagan Murugan", "Mathavan Nair|Madhavan Nair", "Sreeja Poonam Menon|Srija Punam Menon",
            "Youssef Philip|Yusuf Filip", "Katherine Reyes|Catherine Reyes"})
    void spellings_of_one_sound_in_regional_romanisations_are_one_name(String query, String registered) {
        assertMatch(query, EntityType.PERSON, registered);
    }

    @ParameterizedTest(name = "{0} is not {1}")
    @CsvSource(delimiter = '|', value = {"Bijoy Sarkar|Sanjoy Sarkar", "Abhishek Chatterjee|Abhishek Banerjee",
            "Madhavan Nair|Madhavan Pillai"})
    void a_romanisation_rule_does_not_join_different_names(String query, String registered) {
        assertNoMatch(query, EntityType.PERSON, registered);
    }

    @Test
    void another_romanisation_of_a_registered_name_is_not_taken_for_another_name() {
        matcher.upsertAll(List.of(
                new MatchableEntity("P1", EntityType.PERSON, List.of("Bijay Sarkar"), "BD"),
                new MatchableEntity("P2", EntityType.PERSON, List.of("Bijoy Das"), "BD")));
        Match best = matcher.search(new MatchQuery("Bijoy Sarkar", EntityType.PERSON, null), 5).get(0);
        assertEquals("P1", best.id());
        assertEquals(Verdict.MATCH, best.verdict(), best::toString);
    }

    @Test
    void a_registered_romanisation_is_found_even_when_every_word_of_the_query_names_someone_else() {
        List<MatchableEntity> registered = new ArrayList<>();
        registered.add(new MatchableEntity("P1", EntityType.PERSON, List.of("Bijay Sarkar"), "BD"));
        // more namesakes than candidates are fetched, so only a query for "Bijay Sarkar" itself finds P1
        for (int k = 0; k < 2 * MatchingRules.defaults().candidates(); k++) {
            registered.add(new MatchableEntity("B" + k, EntityType.PERSON, List.of("Bijoy Das " + k), "BD"));
            registered.add(new MatchableEntity("S" + k, EntityType.PERSON, List.of("Sorkar Alam " + k), "BD"));
        }
        matcher.upsertAll(registered);
        Match best = matcher.search(new MatchQuery("Bijoy Sorkar", EntityType.PERSON, null), 5).get(0);
        assertEquals("P1", best.id());
        assertEquals(Verdict.MATCH, best.verdict(), best::toString);
    }

    @ParameterizedTest(name = "{0} meets {1}")
    @CsvSource(delimiter = '|', value = {"Bill Fernandes|William Fernandes", "Will Fernandes|Bill Fernandes",
            "Bob D'Souza|Robert D'Souza", "Alex Ivanov|Alexandra Ivanov", "Alex Ivanov|Alexander Ivanov"})
    void a_nickname_meets_the_given_name(String query, String registered) {
        assertMatch(query, EntityType.PERSON, registered);
    }

    @Test
    void nicknames_belong_to_given_names_not_to_other_nicknames_names_or_agencies() {
        assertNoMatch("Bill Fernandes", EntityType.PERSON, "Robert Fernandes");
        assertNoMatch("Bob Travels", EntityType.AGENCY, "Robert Travels");
    }

    @ParameterizedTest(name = "{0} meets {1}")
    @CsvSource(delimiter = '|', value = {"Joseph Pinto III|PERSON|Joseph Pinto Third", "Joseph Pinto 3rd|PERSON|Joseph Pinto III",
            "Joseph Pinto Jr.|PERSON|Joseph Pinto Junior", "7 Seas Manpower|AGENCY|Seven Seas Manpower",
            "Frist Harbor Manpower|AGENCY|First Harbor Manpower"})
    void numbers_as_digits_words_ordinals_or_roman_numerals_are_one_word(String query, EntityType type, String registered) {
        assertMatch(query, type, registered);
    }

    @ParameterizedTest(name = "{0} is not {1}")
    @CsvSource(delimiter = '|', value = {"Joseph Pinto Jr|Joseph Pinto Sr", "Joseph Pinto II|Joseph Pinto III"})
    void different_numbers_are_not_misspellings_of_each_other(String query, String registered) {
        assertNoMatch(query, EntityType.PERSON, registered);
    }

    @ParameterizedTest(name = "{0} meets {1}")
    @CsvSource(delimiter = '|', value = {"Jan Vanderberg|Jan Van Der Berg", "Jan Van Der Berg|Jan Vanderberg",
            "Osama Binladen|Osama Bin Laden"})
    void up_to_three_words_written_as_one_are_one_name(String query, String registered) {
        assertMatch(query, EntityType.PERSON, registered);
    }

    @ParameterizedTest(name = "{0} meets {1}")
    @CsvSource(delimiter = '|', value = {"মোঃ করিম উদ্দিন|Mohammad Karim Uddin", "মো. করিম উদ্দিন|Md. Karim Uddin",
            "मो. करिम|Mohammad Karim", "Mst. Rahima Khatun|Mosammat Rahima Khatun", "Sk. Abdul Rahim|Sheikh Abdul Rahim"})
    void abbreviated_name_parts_are_read_in_full(String query, String registered) {
        assertMatch(query, EntityType.PERSON, registered);
    }
}
