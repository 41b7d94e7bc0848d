package org.fairrecruit.registry.matching;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Says in words what a score forgave: "legal form ignored; 'Mohd' read as 'Mohammad'; word order differs". */
final class Explanation {

    private Explanation() {
    }

    static String of(Alignment alignment) {
        List<Token> q = alignment.query.tokens();
        List<Token> c = alignment.candidate.tokens();
        Set<String> notes = new LinkedHashSet<>();
        scripts(q).forEach(script -> notes.add("transliterated from " + script));
        scripts(c).forEach(script -> notes.add("matched the " + script + " spelling"));
        letterNames(q, notes);
        letterNames(c, notes);
        if (!legalForms(q).equals(legalForms(c)) || Alignment.unpaired(q, alignment.queryPaired, Token.Kind.LEGAL)
                || Alignment.unpaired(c, alignment.candidatePaired, Token.Kind.LEGAL)) {
            notes.add("legal form ignored");
        }
        for (Alignment.Pair pair : alignment.pairs) {
            String note = note(q, c, pair);
            if (note != null) {
                notes.add(note);
            }
        }
        List<String> leftOut = unpaired(c, alignment.candidatePaired);
        if (!leftOut.isEmpty()) {
            notes.add("'" + String.join(" ", leftOut) + "' left out");
        }
        List<String> extra = unpaired(q, alignment.queryPaired);
        if (!extra.isEmpty()) {
            notes.add("'" + String.join(" ", extra) + "' not in the name");
        }
        if (alignment.orderDiffers()) {
            notes.add("word order differs");
        }
        if (notes.isEmpty()) {
            return alignment.query.written().equals(alignment.candidate.written())
                    ? "exact match" : "same name apart from case, spacing and punctuation";
        }
        return String.join("; ", notes);
    }

    /** What one pair forgave, or null when it forgave nothing worth saying. */
    private static String note(List<Token> q, List<Token> c, Alignment.Pair pair) {
        String asked = Alignment.words(q, pair.query(), true);
        String known = Alignment.words(c, pair.candidate(), true);
        return switch (pair.similarity().way()) {
            case SAME -> sameWord(q, c, pair, asked, known);
            case VARIANT, ABBREVIATION -> "'" + asked + "' read as '" + known + "'";
            case ROMANISATION -> "'" + asked + "' read as '" + known + "'" + romanisations(pair.similarity().rules());
            case SOUNDS_ALIKE -> "'" + asked + "' sounds like '" + known + "'";
            case INITIAL -> "'" + asked + "' taken as the " + (pair.query().size() + pair.candidate().size() > 2 ? "initials" : "initial")
                    + " of '" + known + "'";
            case NICKNAME -> "'" + asked + "' taken as a nickname of '" + known + "'";
            case SWAPPED -> "two letters swapped in '" + known + "'";
            case TYPO -> letters(pair.similarity().letters()) + " in '" + known + "'";
            case OTHER_NAME -> "'" + asked + "' is another name than '" + known + "'";
            case NONE -> throw new IllegalStateException("unpaired words are never chosen");
        };
    }

    private static String sameWord(List<Token> q, List<Token> c, Alignment.Pair pair, String asked, String known) {
        boolean sameWriting = Alignment.words(q, pair.query(), false).equals(Alignment.words(c, pair.candidate(), false));
        if (Alignment.hasKind(q, pair.query(), Token.Kind.LEGAL)) {
            return sameWriting ? null : "legal form '" + asked + "' read as '" + known + "'";
        }
        if (pair.query().size() > 1 && pair.candidate().size() > 1) {
            return "spacing differs in '" + known + "'";
        }
        if (pair.query().size() > 1 || pair.candidate().size() > 1 || !sameWriting) {
            return "'" + asked + "' read as '" + known + "'";
        }
        return accentsDiffer(q.get(pair.query().from()), c.get(pair.candidate().from())) ? "accents ignored" : null;
    }

    private static boolean accentsDiffer(Token a, Token b) {
        for (Word x : a.source()) {
            for (Word y : b.source()) {
                if (x.accentsDiffer(y)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "(a/o, Bengali; zh/l, Tamil and Malayalam)", or nothing when only doubled letters differ. */
    private static String romanisations(long rules) {
        List<String> used = new ArrayList<>();
        for (int id = 0; id < Long.SIZE; id++) {
            if ((rules & (1L << id)) != 0) {
                used.add(TokenSimilarity.romanisations().rule(id).describe());
            }
        }
        return used.isEmpty() ? "" : " (" + String.join("; ", used) + ")";
    }

    /** "'एस' read as the initial S", for each Latin letter written as its name in another script. */
    private static void letterNames(List<Token> tokens, Set<String> notes) {
        for (Token token : tokens) {
            for (Word word : token.source()) {
                if (word.form() == Word.Form.LETTER_NAME) {
                    notes.add("'" + word.original() + "' read as the " + (word.folded().length() > 1 ? "initials " : "initial ")
                            + word.folded().toUpperCase(Locale.ROOT));
                }
            }
        }
    }

    private static String letters(int count) {
        return switch (count) {
            case 1 -> "one letter differs";
            case 2 -> "two letters differ";
            default -> count + " letters differ";
        };
    }

    private static Set<String> scripts(List<Token> tokens) {
        Set<String> scripts = new LinkedHashSet<>();
        for (Token token : tokens) {
            for (Word word : token.source()) {
                if (word.script() != null) {
                    scripts.add(word.script());
                }
            }
        }
        return scripts;
    }

    private static Set<String> legalForms(List<Token> tokens) {
        Set<String> forms = new LinkedHashSet<>();
        for (Token token : tokens) {
            if (token.kind() == Token.Kind.LEGAL) {
                forms.add(token.text());
            }
        }
        return forms;
    }

    private static List<String> unpaired(List<Token> tokens, boolean[] paired) {
        Set<Word> words = new LinkedHashSet<>();
        for (int k = 0; k < tokens.size(); k++) {
            if (!paired[k] && tokens.get(k).kind() != Token.Kind.LEGAL) {
                words.addAll(tokens.get(k).source());
            }
        }
        return words.stream().map(Word::original).toList();
    }
}
