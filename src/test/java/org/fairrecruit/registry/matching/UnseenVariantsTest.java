package org.fairrecruit.registry.matching;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Names and variants that appear nowhere in the dev set, written from how such names are really
 * spelled, to check the rules are general rather than fitted to the dev set.
 */
class UnseenVariantsTest {

    private final NameMatcher matcher = new NameMatcher(MatchingRules.defaults());

    @AfterEach
    void close() {
        matcher.close();
    }

    private Optional<Match> compare(String query, EntityType type, String registered) {
        return matcher.compare(new MatchQuery(query, type, null), new MatchableEntity("X", type, List.of(registered), null));
    }

    @ParameterizedTest(name = "{0} meets {2}")
    @CsvSource(delimiter = '|', value = {
            "Bisnu Maya Tamang|PERSON|Bishnu Maya Tamang",
            "बिष्णु माया तामाङ|PERSON|Bishnu Maya Tamang",
            "TAMANG, Bishnu Maya|PERSON|Bishnu Maya Tamang",
            "Purna Bdr. Shrestha|PERSON|Purna Bahadur Shrestha",
            "Md. Abul Kalam Azad|PERSON|Mohammed Abul Kalam Azad",
            "আবুল কালাম আজাদ|PERSON|Abul Kalam Azad",
            "Nurul Huda Chowdhury|PERSON|Nurul Huda Chaudhury",
            "Ma. Luisa Dela Cruz|PERSON|Maria Luisa Dela Cruz",
            "Jocelyn Magbanua|PERSON|Jocelyn Magbanua-Reyes",
            "Sri Mulyani Indrawati|PERSON|Sri Mulyani Indrawaty",
            "Kumara Senanayaka|PERSON|Kumara Senanayake",
            "Sinar Mas Tenaga Kerja|AGENCY|PT Sinar Mas Tenaga Kerja Tbk",
            "Bayanihan Intl. Manpower Svcs Inc|AGENCY|Bayanihan International Manpower Services Incorporated",
            "Himalayan HR & Travels Pvt Ltd|AGENCY|Himalayan Human Resources and Travels Private Limited",
            "Meghna Overses Ltd|AGENCY|Meghna Overseas Limited",
            "Kandy Placement Company (Private) Limited|AGENCY|Kandy Placement Co. (Pvt) Ltd",
            "Borneo Jaya Sdn Bhd|AGENCY|Borneo Jaya Sendirian Berhad",
            "Mabuhay Global|AGENCY|Mabuhay Global Manpower Resources Corp."})
    void a_variant_of_a_registered_name_is_a_match(String query, EntityType type, String registered) {
        Match match = compare(query, type, registered).orElseThrow();
        assertEquals(Verdict.MATCH, match.verdict(), match::toString);
    }

    @ParameterizedTest(name = "{0} is not {2}")
    @CsvSource(delimiter = '|', value = {
            "Bishnu Maya Gurung|PERSON|Bishnu Maya Tamang",
            "Mohammed Abul Kalam Hossain|PERSON|Mohammed Abul Kalam Azad",
            "Maria Luisa Santos|PERSON|Maria Luisa Dela Cruz",
            "Dewi Lestari|PERSON|Dewi Anggraini",
            "Kumara Perera|PERSON|Kumara Senanayake",
            "Meghna Travels Ltd|AGENCY|Meghna Overseas Limited",
            "Himalayan Recruitment Pvt Ltd|AGENCY|Himalayan Human Resources Private Limited",
            "PT Sinar Abadi|AGENCY|PT Sinar Mas Tenaga Kerja",
            "Mabuhay Staffing Corp.|AGENCY|Mabuhay Global Manpower Resources Corp."})
    void a_different_name_sharing_words_is_not_a_match(String query, EntityType type, String registered) {
        Optional<Match> match = compare(query, type, registered);
        assertTrue(match.isEmpty() || match.get().verdict() == Verdict.POSSIBLE, () -> match.get().toString());
    }
}
