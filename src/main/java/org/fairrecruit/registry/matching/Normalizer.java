package org.fairrecruit.registry.matching;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** Bengali writes the visarga after an abbreviated word as its full stop: "মোঃ" is "Md.". */
    private static final char BENGALI_ABBREVIATION_MARK = '\u0983';

    /** The Latin letter each Devanagari and Bengali letter name stands for (letter-names.tsv). */
    private static final Map<String, String> LETTER_NAMES = letterNames();

    private static final IndicTransliterator INDIC = new IndicTransliterator();
    /** ICU's rules are the dearest step of parsing a name of another script. */
    private static final WordMemo TRANSLITERATED = new WordMemo(piece -> {
        int script = scriptOf(piece);
        return INDIC.handles(script) ? INDIC.toLatin(piece, script) : TO_ASCII.get().transliterate(piece);
    });

    List<Word> words(String name) {
        String text = NFKC.normalize(name == null ? "" : name);
        List<Word> words = new ArrayList<>();
        for (Piece written : pieces(text)) {
            String piece = written.text();
            int script = scriptOf(piece);
            if (script == UScript.BENGALI && piece.length() > 1 && piece.charAt(piece.length() - 1) == BENGALI_ABBREVIATION_MARK) {
                piece = piece.substring(0, piece.length() - 1);
            }
            String letter = LETTER_NAMES.get(piece);
            if (letter != null) {
                words.add(new Word(letter, piece, UScript.getName(script), Word.Form.LETTER_NAME));
                continue;
            }
            String latin;
            String scriptName = null;
            if (script == UScript.LATIN || script == UScript.COMMON) {
                latin = isAscii(piece) ? piece : LATIN_TO_ASCII.get().transliterate(UCharacter.foldCase(piece, true));
            } else {
                scriptName = UScript.getName(script);
                latin = TRANSLITERATED.of(piece);
            }
            Word.Form form = written.dottedInitials() ? Word.Form.INITIALS : Word.Form.WORD;
            // Transliteration may itself produce several words (Thai, Chinese).
            for (String part : keepLettersAndDigits(latin).split(" ")) {
                if (!part.isEmpty()) {
                    words.add(new Word(part, piece, scriptName, form));
                }
            }
        }
        return words;
    }

    /** A written word, and whether it was single letters joined by dots. */
    private record Piece(String text, boolean dottedInitials) {
    }

    /**
     * Splits on spaces and punctuation, the Devanagari danda "।", "॥" and abbreviation sign "॰"
     * included (they are punctuation to Unicode). Apostrophes join ("O'Brien", "Int'l") and dotted
     * single letters join ("P.T.", "H.R.") because they are written as one word.
     */
    private static List<Piece> pieces(String text) {
        List<Piece> pieces = new ArrayList<>();
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
                flush(current, dottedInitials, pieces);
                dottedInitials = false;
            }
            i = next;
        }
        flush(current, dottedInitials, pieces);
        return pieces;
    }

    private static boolean isSingleLetterAt(String text, int i) {
        if (i >= text.length() || !Character.isLetter(text.codePointAt(i))) {
            return false;
        }
        int after = i + Character.charCount(text.codePointAt(i));
        return after >= text.length() || !isWordChar(text.codePointAt(after));
    }

    private static void flush(StringBuilder current, boolean dottedInitials, List<Piece> pieces) {
        if (current.length() > 0) {
            pieces.add(new Piece(current.toString(), dottedInitials));
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

    private static Map<String, String> letterNames() {
        Map<String, String> names = new HashMap<>();
        Lexicon.read("letter-names.tsv", cols -> {
            for (String spelling : cols[1].split(",")) {
                names.put(NFKC.normalize(spelling.strip()), cols[0]);
            }
        });
        return Map.copyOf(names);
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
