package org.fairrecruit.registry.matching;

import java.util.ArrayList;
import java.util.List;

/** Reads normalised words as tokens: legal forms, abbreviations, name-part spellings, weights. */
final class NameParser {

    static final double GENERIC_WEIGHT = 0.7;
    static final double LEGAL_WEIGHT = 0.05;

    private final Normalizer normalizer = new Normalizer();
    private final Lexicon lexicon;

    NameParser(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    ParsedName parse(String name, EntityType type) {
        return parse(name, normalizer.words(name), type);
    }

    ParsedName parse(String name, List<Word> words, EntityType type) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            // A person's initials are letters, whatever the letters spell: "J.R." is not "Junior".
            boolean initials = type == EntityType.PERSON && words.get(i).initials();
            int length = lexicon.startsPhrase(words.get(i).folded()) ? Math.min(lexicon.longestPhrase(), words.size() - i) : 1;
            Lexicon.Reading reading = null;
            for (; length > 0 && !initials; length--) {
                reading = lexicon.reading(phrase(words, i, length), type);
                if (reading != null) {
                    break;
                }
            }
            if (reading == null) {
                length = 1;
            }
            List<Word> source = words.subList(i, i + length);
            if (reading != null && reading.legalForm()) {
                tokens.add(new Token(String.join(" ", reading.words()), Token.Kind.LEGAL, LEGAL_WEIGHT, source));
            } else {
                List<String> read = reading == null ? List.of(words.get(i).folded()) : reading.words();
                for (String text : read) {
                    addWord(tokens, text, source, type, words.size(), initials);
                }
            }
            i += length;
        }
        if (type == EntityType.AGENCY) {
            readMisspeltLegalForms(tokens);
        }
        return new ParsedName(name, type, List.copyOf(tokens));
    }

    /**
     * Legal forms close company names, so unknown words at the very end that are nearly a legal
     * form ("Pvt Limitde", "Corporaation") are read as one. At least one other word must remain.
     */
    private void readMisspeltLegalForms(List<Token> tokens) {
        for (int k = tokens.size() - 1; k > 0; k--) {
            Token token = tokens.get(k);
            if (token.kind() == Token.Kind.LEGAL) {
                continue;
            }
            Lexicon.Reading legal = token.kind() == Token.Kind.NAME ? lexicon.nearLegalForm(token.text()) : null;
            if (legal == null) {
                return;
            }
            tokens.set(k, new Token(String.join(" ", legal.words()), Token.Kind.LEGAL, LEGAL_WEIGHT, token.source()));
        }
    }

    private void addWord(List<Token> tokens, String text, List<Word> source, EntityType type, int wordCount, boolean initials) {
        if (type == EntityType.AGENCY) {
            // "and" joins words ("Travel and Tours", "Travel & Tours") without naming anything
            if (text.equals("and") && wordCount > 1) {
                return;
            }
            boolean generic = lexicon.isGeneric(text);
            tokens.add(new Token(text, generic ? Token.Kind.GENERIC : Token.Kind.NAME, generic ? GENERIC_WEIGHT : 1.0, source));
        } else {
            double weight = initials ? 1.0 : lexicon.nameWeight(text);
            if (weight > 0 || wordCount == 1) {
                tokens.add(new Token(text, weight < 1 ? Token.Kind.COMMON : Token.Kind.NAME, Math.max(weight, 0.1), source));
            }
        }
    }

    private static String phrase(List<Word> words, int from, int length) {
        if (length == 1) {
            return words.get(from).folded();
        }
        StringBuilder sb = new StringBuilder(words.get(from).folded());
        for (int k = from + 1; k < from + length; k++) {
            sb.append(' ').append(words.get(k).folded());
        }
        return sb.toString();
    }
}
