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
}
