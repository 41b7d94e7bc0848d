package org.fairrecruit.registry.matching;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Transliterator;

/**
 * Devanagari (Nepali, Hindi) and Bengali names in the Latin spelling people actually use.
 * ICU gives the scholarly ISO 15919 form ("rāma bahādura thāpā"); every consonant carries an
 * inherent vowel that is not pronounced at the end of a word, so "राम" is written "Ram", not
 * "Rama". The inherent vowel stays after a final conjunct ("श्रेष्ठ" is "Shrestha") and in
 * one-letter words. ISO letters are then mapped to everyday spellings (ś → sh, c → ch, ṅ → ng).
 */
final class IndicTransliterator {

    private static final ThreadLocal<Transliterator> DEVANAGARI =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Devanagari-Latin"));
    private static final ThreadLocal<Transliterator> BENGALI =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Bengali-Latin"));
    private static final ThreadLocal<Transliterator> LATIN_TO_ASCII =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Latin-ASCII"));

    private static final String ANUSVARA_BEFORE_H = "\u0902\u0939";
    private static final String VELAR_NASAL_BEFORE_H = "\u0919\u094D\u0939";

    boolean handles(int script) {
        return script == UScript.DEVANAGARI || script == UScript.BENGALI;
    }

    String toLatin(String word, int script) {
        boolean bengali = script == UScript.BENGALI;
        // ICU says the anusvara as the nasal of the consonant after it (अंबिका Ambika), but as n
        // before h, where names say ng: सिंह is always written Singh.
        String iso = bengali ? BENGALI.get().transliterate(word)
                : DEVANAGARI.get().transliterate(word.replace(ANUSVARA_BEFORE_H, VELAR_NASAL_BEFORE_H));
        if (endsInInherentVowel(word, bengali) && iso.endsWith("a")) {
            iso = iso.substring(0, iso.length() - 1);
        }
        return LATIN_TO_ASCII.get().transliterate(everydaySpelling(iso, bengali));
    }

    private static boolean endsInInherentVowel(String word, boolean bengali) {
        int base = bengali ? 0x0980 : 0x0900;
        int end = word.length();
        if (end > 0 && word.charAt(end - 1) == base + 0x3C) { // nukta modifies the consonant before it
            end--;
        }
        if (end == 0 || !isConsonant(word.charAt(end - 1), base)) {
            return false;
        }
        int before = end - 2;
        if (before >= 0 && word.charAt(before) == base + 0x3C) {
            before--;
        }
        boolean conjunct = before >= 0 && word.charAt(before) == base + 0x4D; // virama joins consonants
        boolean oneLetter = before < 0;
        return !conjunct && !oneLetter;
    }

    private static boolean isConsonant(char c, int base) {
        int offset = c - base;
        return (offset >= 0x15 && offset <= 0x39) || (offset >= 0x58 && offset <= 0x5F);
    }

    private static String everydaySpelling(String iso, boolean bengali) {
        String s = iso.replace("ch", "\u0001").replace("c", "ch").replace("\u0001", "chh")
                .replace("r̥", "ri").replace("ṝ", "ri")
                .replace("ś", "sh").replace("ṣ", "sh")
                .replace("ṅ", "ng").replace("ñ", "n").replace("ṇ", "n")
                .replace("ṭ", "t").replace("ḍ", "d").replace("ṛ", "r").replace("ṟ", "r")
                .replace("ṁ", "n").replace("ṃ", "n").replace("m̐", "n").replace("ḥ", "h")
                .replace("ẏ", "y").replace("'", "");
        // Bengali ফ is said, and written in names, as f: ফাতেমা is Fatema, ফরিদ is Farid.
        return bengali ? s.replace("ph", "f") : s;
    }
}
