package org.fairrecruit.registry.matching;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a written name into words of lower-case ASCII: Unicode NFKC, case folding, diacritics,
 * punctuation and spacing, and transliteration of other scripts into Latin letters.
 */
final class Normalizer {

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

    // ICU transliterators are not safe for concurrent use, so each searching thread gets its own.
    private static final ThreadLocal<Transliterator> TO_ASCII =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));
    private static final ThreadLocal<Transliterator> LATIN_TO_ASCII =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Latin-ASCII"));

    private final IndicTransliterator indic = new IndicTransliterator();

    List<Word> words(String name) {
        String text = NFKC.normalize(name == null ? "" : name);
        List<Word> words = new ArrayList<>();
        for (String piece : pieces(text)) {
            int script = scriptOf(piece);
            String latin;
            String scriptName = null;
            if (script == UScript.LATIN || script == UScript.COMMON) {
                latin = isAscii(piece) ? piece : LATIN_TO_ASCII.get().transliterate(UCharacter.foldCase(piece, true));
            } else {
                scriptName = UScript.getName(script);
                latin = indic.handles(script) ? indic.toLatin(piece, script) : TO_ASCII.get().transliterate(piece);
            }
            // Transliteration may itself produce several words (Thai, Chinese).
            for (String part : keepLettersAndDigits(latin).split(" ")) {
                if (!part.isEmpty()) {
                    words.add(new Word(part, piece, scriptName));
                }
            }
        }
        return words;
    }

    /**
     * Splits on spaces and punctuation. Apostrophes join ("O'Brien", "Int'l") and dotted single
     * letters join ("P.T.", "H.R.") because they are written as one word.
     */
    private static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean dottedInitials = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            boolean apostropheInWord = isApostrophe(cp) && current.length() > 0
                    && next < text.length() && isWordChar(text.codePointAt(next));
            if (isWordChar(cp)) {
                current.appendCodePoint(cp);
            } else if (apostropheInWord) {
                dottedInitials = false; // the apostrophe is dropped and the halves join
            } else if (cp == '.' && (dottedInitials || current.codePointCount(0, current.length()) == 1)
                    && isSingleLetterAt(text, next)) {
                dottedInitials = true;
            } else {
                flush(current, pieces);
                dottedInitials = false;
            }
            i = next;
        }
        flush(current, pieces);
        return pieces;
    }

    private static boolean isSingleLetterAt(String text, int i) {
        if (i >= text.length() || !Character.isLetter(text.codePointAt(i))) {
            return false;
        }
        int after = i + Character.charCount(text.codePointAt(i));
        return after >= text.length() || !isWordChar(text.codePointAt(after));
    }

    private static void flush(StringBuilder current, List<String> pieces) {
        if (current.length() > 0) {
            pieces.add(current.toString());
            current.setLength(0);
        }
    }

    private static boolean isWordChar(int cp) {
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK
                || cp == 0x200C || cp == 0x200D; // zero-width (non-)joiners shape Indic conjuncts
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019' || cp == '\u02BC' || cp == '`' || cp == '\u2018';
    }

    private static int scriptOf(String piece) {
        for (int i = 0; i < piece.length(); ) {
            int cp = piece.codePointAt(i);
            int script = UScript.getScript(cp);
            if (script != UScript.COMMON && script != UScript.INHERITED) {
                return script;
            }
            i += Character.charCount(cp);
        }
        return UScript.COMMON;
    }

    private static String keepLettersAndDigits(String latin) {
        StringBuilder sb = new StringBuilder(latin.length());
        for (int i = 0; i < latin.length(); i++) {
            char c = Character.toLowerCase(latin.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            } else if (c == ' ' || c == '-') {
                sb.append(' ');
            }
            // anything else (apostrophes ICU adds between letters, leftover marks) is dropped
        }
        return sb.toString();
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
