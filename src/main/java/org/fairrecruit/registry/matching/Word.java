package org.fairrecruit.registry.matching;

/**
 * One word of a name after normalisation.
 *
 * @param folded   lower-case ASCII letters and digits, the form everything else compares
 * @param original the word as written, for explanations
 * @param script   the script it was transliterated from ("Devanagari", "Bengali", ...), or null for Latin
 * @param form     whether the word is initials rather than a name part
 */
record Word(String folded, String original, String script, Form form) {

    enum Form {
        WORD,
        /** single letters written with dots: "A.K.", "S." */
        INITIALS,
        /** a Latin letter written as its name in another script: "एस" for S */
        LETTER_NAME
    }

    boolean initials() {
        return form != Form.WORD;
    }

    boolean accentsDiffer(Word other) {
        return folded.equals(other.folded) && script == null && other.script == null
                && !original.equalsIgnoreCase(other.original)
                && !Normalizer.isAscii(original + other.original);
    }
}
