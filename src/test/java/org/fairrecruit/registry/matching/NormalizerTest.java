package org.fairrecruit.registry.matching;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NormalizerTest {

    private final Normalizer normalizer = new Normalizer();

    private List<String> folded(String name) {
        return normalizer.words(name).stream().map(Word::folded).toList();
    }

    @Test
    void compatibility_characters_become_plain_letters() {
        assertEquals(List.of("abc", "fine", "2"), folded("ＡＢＣ ﬁne ²"));
    }

    @Test
    void case_is_folded_including_sharp_s() {
        assertEquals(List.of("strasse", "thapa"), folded("STRAßE THAPA"));
    }

    @Test
    void diacritics_are_removed() {
        assertEquals(List.of("pena", "munoz", "nino", "sao", "bjorn"), folded("Peña Muñoz NIÑO São Bjørn"));
    }

    @Test
    void punctuation_and_spacing_separate_words() {
        assertEquals(List.of("western", "falcon", "pvt", "ltd"), folded("  WESTERN ,  Falcon   Pvt.Ltd. "));
        assertEquals(List.of("mylene", "dela", "cruz"), folded("Mylene-Dela Cruz"));
    }

    @Test
    void apostrophes_and_dotted_initials_join_a_word() {
        assertEquals(List.of("obrien", "intl"), folded("O'Brien Int’l"));
        assertEquals(List.of("pt", "hr", "services"), folded("P.T. H.R. Services"));
        assertEquals(List.of("s", "rodrigo"), folded("S. Rodrigo"));
    }

    @Test
    void devanagari_name_meets_its_latin_spelling() {
        assertEquals(List.of("ram", "bahadur", "thapa"), folded("राम बहादुर थापा"));
        assertEquals(List.of("gita", "devi", "gurung"), folded("गीता देवी गुरुङ"));
    }

    @Test
    void inherent_vowel_is_dropped_at_the_end_of_a_word_but_kept_after_a_conjunct() {
        assertEquals(List.of("shyam", "kumar"), folded("श्याम कुमार"));
        assertEquals(List.of("shreshtha", "krishna"), folded("श्रेष्ठ कृष्ण"));
    }

    @Test
    void bengali_name_meets_its_latin_spelling() {
        assertEquals(List.of("habibur", "rahaman"), folded("হাবিবুর রহমান"));
        assertEquals(List.of("fatema", "karim"), folded("ফাতেমা করিম"));
    }

    @Test
    void other_scripts_are_written_in_latin_letters() {
        assertEquals(List.of("muhammad", "husejn"), folded("Мухаммад Хусейн"));
        assertEquals(List.of("elene"), folded("Ελένη"));
        assertEquals("Arabic", normalizer.words("محمد").get(0).script());
    }

    @Test
    void words_remember_how_they_were_written() {
        Word word = normalizer.words("थापा").get(0);
        assertEquals("थापा", word.original());
        assertEquals("Devanagari", word.script());
    }

    @Test
    void devanagari_danda_double_danda_and_abbreviation_sign_are_punctuation() {
        assertEquals(List.of("k", "raman"), folded("के। रामन"));
        assertEquals(List.of("t", "natarajan"), folded("टी॥नटराजन"));
        assertEquals(List.of("a", "k", "sharma"), folded("ए॰के॰ शर्मा"));
    }

    @Test
    void latin_letters_written_as_their_names_in_devanagari_or_bengali_are_initials() {
        assertEquals(List.of("a", "k", "sharma"), folded("ए.के.शर्मा"));
        assertEquals(List.of("s", "k", "gupta"), folded("एस के गुप्ता"));
        assertEquals(List.of("m", "a", "rahaman"), folded("এম. এ. রহমান"));
        assertEquals(Word.Form.LETTER_NAME, normalizer.words("आर. कृष्णन").get(0).form());
    }

    @Test
    void a_word_that_merely_begins_like_a_letter_name_is_a_word() {
        assertEquals(List.of("bibi", "sita", "arati"), folded("बीबी सीता आरती"));
        assertEquals(Word.Form.WORD, normalizer.words("सीता").get(0).form());
    }

    @Test
    void the_nepali_surname_kc_is_written_as_its_letters() {
        assertEquals(List.of("bishnu", "kc"), folded("बिष्णु केसी"));
    }

    @Test
    void bengali_visarga_after_an_abbreviation_is_its_full_stop() {
        assertEquals(List.of("mo", "karim"), folded("মোঃ করিম"));
    }

    @Test
    void dotted_single_letters_are_marked_as_initials() {
        assertEquals(Word.Form.INITIALS, normalizer.words("A.K. Sharma").get(0).form());
        assertEquals(Word.Form.WORD, normalizer.words("Sk. Rahim").get(0).form());
        assertEquals(Word.Form.WORD, normalizer.words("AK Sharma").get(0).form());
    }

    @Test
    void anusvara_before_h_is_said_ng_as_in_singh() {
        assertEquals(List.of("b", "n", "singh"), folded("बी.एन. सिंह"));
        assertEquals(List.of("ambika", "sinha"), folded("अंबिका सिन्हा"));
    }
}
