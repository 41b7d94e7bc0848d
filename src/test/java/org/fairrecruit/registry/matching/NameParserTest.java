package org.fairrecruit.registry.matching;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NameParserTest {

    private final NameParser parser = new NameParser(Lexicon.load());

    private List<String> texts(String name, EntityType type) {
        return parser.parse(name, type).tokens().stream().map(Token::text).toList();
    }

    private List<Token.Kind> kinds(String name, EntityType type) {
        return parser.parse(name, type).tokens().stream().map(Token::kind).toList();
    }

    @ParameterizedTest
    @CsvSource({
            "Sinar Jaya Pvt. Ltd., private limited",
            "Sinar Jaya (Pvt) Ltd, private limited",
            "Sinar Jaya P. Ltd., private limited",
            "Sinar Jaya Private Limited, private limited",
            "Sinar Jaya Sdn. Bhd., sendirian berhad",
            "Sinar Jaya LLC, limited",
            "Sinar Jaya Corp., corporation",
            "Sinar Jaya Inc, incorporated"})
    void legal_forms_are_recognised_in_their_usual_spellings(String name, String legalForm) {
        List<Token> tokens = parser.parse(name, EntityType.AGENCY).tokens();
        Token last = tokens.get(tokens.size() - 1);
        assertEquals(legalForm, last.text());
        assertEquals(Token.Kind.LEGAL, last.kind());
    }

    @Test
    void legal_forms_weigh_almost_nothing_but_are_kept() {
        List<Token> tokens = parser.parse("PT Sinar Jaya", EntityType.AGENCY).tokens();
        assertEquals(List.of("perseroan terbatas", "sinar", "jaya"), tokens.stream().map(Token::text).toList());
        assertTrue(tokens.get(0).weight() < 0.1);
    }

    @Test
    void misspelt_legal_form_at_the_end_is_still_a_legal_form() {
        assertEquals(List.of(Token.Kind.NAME, Token.Kind.GENERIC, Token.Kind.LEGAL, Token.Kind.LEGAL),
                kinds("Borneo Staffing Private Limitde", EntityType.AGENCY));
        assertEquals(Token.Kind.NAME, kinds("Lotus Pvt Ltd", EntityType.AGENCY).get(0));
    }

    @Test
    void generic_trade_words_are_kept_with_a_low_weight() {
        List<Token> tokens = parser.parse("Everest Global Manpower Services", EntityType.AGENCY).tokens();
        assertEquals(List.of(Token.Kind.NAME, Token.Kind.GENERIC, Token.Kind.GENERIC, Token.Kind.GENERIC),
                tokens.stream().map(Token::kind).toList());
        assertTrue(tokens.get(1).weight() < tokens.get(0).weight());
    }

    @Test
    void abbreviations_are_read_as_the_full_word() {
        assertEquals(List.of("everest", "international", "services", "management", "company"),
                texts("Everest Intl Svcs Mgmt Co", EntityType.AGENCY));
        assertEquals(List.of("everest", "human", "resources", "center"), texts("Everest HR Centre", EntityType.AGENCY));
        assertEquals(List.of("everest", "manpower"), texts("Everest Man-Power", EntityType.AGENCY));
    }

    @Test
    void and_in_any_spelling_joins_without_counting() {
        assertEquals(List.of("everest", "travel", "tours"), texts("Everest Travel & Tours", EntityType.AGENCY));
        assertEquals(List.of("everest", "travel", "tours"), texts("Everest Travel and Tours", EntityType.AGENCY));
        assertEquals(List.of("everest", "travel", "tours"), texts("Everest Travel n Tours", EntityType.AGENCY));
    }

    @ParameterizedTest
    @CsvSource({"Mohd, mohammad", "Md., mohammad", "Muhammed, mohammad", "Hussain, hossain", "Hosen, hossain",
            "Chaudhary, chowdhury", "Lakshmi, laxmi", "Ma., maria"})
    void name_part_spellings_are_unified_from_the_data_file(String written, String read) {
        assertEquals(List.of(read), texts(written + " Karim", EntityType.PERSON).subList(0, 1));
    }

    @Test
    void common_name_parts_weigh_less_than_distinctive_ones() {
        List<Token> tokens = parser.parse("Krishna Bahadur Gurung", EntityType.PERSON).tokens();
        assertEquals(Token.Kind.COMMON, tokens.get(1).kind());
        assertTrue(tokens.get(1).weight() < tokens.get(2).weight());
    }

    @Test
    void company_words_mean_nothing_special_in_personal_names() {
        assertEquals(List.of("ana", "marie", "co"), texts("Ana Marie Co", EntityType.PERSON));
    }

    @Test
    void a_persons_dotted_initials_are_letters_whatever_they_spell() {
        assertEquals(List.of("jr", "smith"), texts("J.R. Smith", EntityType.PERSON));
        assertEquals(List.of("sk", "gupta"), texts("S.K. Gupta", EntityType.PERSON));
        assertEquals(List.of("sheikh", "rahim"), texts("Sk. Rahim", EntityType.PERSON));
        assertEquals(List.of("junior", "smith"), texts("Jr. Smith", EntityType.PERSON));
    }

    @Test
    void initials_weigh_as_much_as_a_name_part_even_when_they_spell_a_common_one() {
        assertEquals(1.0, parser.parse("वाई. के. शर्मा", EntityType.PERSON).tokens().get(0).weight());
    }

    @Test
    void numbers_are_read_as_one_word_in_any_spelling() {
        assertEquals(List.of("joseph", "pinto", "third"), texts("Joseph Pinto III", EntityType.PERSON));
        assertEquals(List.of("joseph", "pinto", "third"), texts("Joseph Pinto 3rd", EntityType.PERSON));
        assertEquals(List.of("seven", "seas", "manpower"), texts("7 Seas Manpower", EntityType.AGENCY));
    }
}
