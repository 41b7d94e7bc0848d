package org.fairrecruit.registry.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The spellings of one sound in different romanisations (romanisations.tsv): "Bijoy"/"Bijay"
 * (Bengali a/o), "Azhagan"/"Alagan" (Tamil zh/l), "Abhishek"/"Avishek" (Bengali bh/v). Rules of
 * one letter each side are looked up as substitution costs; longer ones are matched where they
 * end in each word.
 */
final class Romanisations {

    /** One rule: either spelling may stand for the other. */
    record Rule(int id, String one, String other, double cost, String where) {
        String describe() {
            return one + "/" + other + (where.isEmpty() ? "" : ", " + where);
        }
    }

    private static final int LETTERS = 128;

    private final List<Rule> rules = new ArrayList<>();
    /** Rule id of each pair of single letters, or -1. */
    private final int[][] letterRule = new int[LETTERS][LETTERS];
    /** Rules with a spelling of two letters or more, by id. */
    private final List<Longer> longer = new ArrayList<>();

    /** A rule of two letters or more, with the letters of each spelling as bits of {@link #letterBits}. */
    private record Longer(Rule rule, long oneLetters, long otherLetters) {
    }

    private Romanisations() {
        for (int[] row : letterRule) {
            Arrays.fill(row, -1);
        }
    }

    static Romanisations load() {
        Romanisations table = new Romanisations();
        Lexicon.read("romanisations.tsv", cols -> table.add(cols[0].strip(), cols[1].strip(),
                Double.parseDouble(cols[2].strip()), cols.length > 3 ? cols[3].strip() : ""));
        if (table.rules.size() > Long.SIZE) {
            throw new IllegalStateException("romanisations.tsv: at most " + Long.SIZE + " rules");
        }
        return table;
    }

    private void add(String one, String other, double cost, String where) {
        Rule rule = new Rule(rules.size(), one, other, cost, where);
        rules.add(rule);
        if (one.length() == 1 && other.length() == 1) {
            letterRule[one.charAt(0)][other.charAt(0)] = rule.id();
            letterRule[other.charAt(0)][one.charAt(0)] = rule.id();
        } else {
            longer.add(new Longer(rule, letterBits(one), letterBits(other)));
        }
    }

    /** The rule that lets letter x stand for letter y, or null. */
    Rule letters(char x, char y) {
        int id = x < LETTERS && y < LETTERS ? letterRule[x][y] : -1;
        return id < 0 ? null : rules.get(id);
    }

    /**
     * Where in the word a spelling of a rule of two letters or more ends: at index p (1..length),
     * the bits of the ids of the rules whose first spelling ({@code first}) or second ends just
     * before p. Computed once per word, so comparing two words tests no spelling per letter pair.
     */
    void endings(String word, boolean first, long[] into) {
        Arrays.fill(into, 0, word.length() + 1, 0L);
        long inWord = letterBits(word);
        for (Longer spelt : longer) {
            // Most words lack a letter of most spellings: no search through them then.
            if (((first ? spelt.oneLetters() : spelt.otherLetters()) & ~inWord) != 0) {
                continue;
            }
            Rule rule = spelt.rule();
            String spelling = first ? rule.one() : rule.other();
            for (int from = word.indexOf(spelling); from >= 0; from = word.indexOf(spelling, from + 1)) {
                into[from + spelling.length()] |= 1L << rule.id();
            }
        }
    }

    /** The letters of a word as bits, one per letter modulo 64: a letter whose bit is not set is not in the word. */
    private static long letterBits(String word) {
        long bits = 0;
        for (int k = 0; k < word.length(); k++) {
            bits |= 1L << (word.charAt(k) & 63);
        }
        return bits;
    }

    /** Letters in the longest spelling of any rule. */
    int longestSpelling() {
        return rules.stream().mapToInt(rule -> Math.max(rule.one().length(), rule.other().length())).max().orElse(1);
    }

    Rule rule(int id) {
        return rules.get(id);
    }

    /**
     * The word with one rule applied once, or one doubled letter written single: "bijoy" gives
     * "bijay", "abhishek" gives "avishek". Retrieval looks these up, since a registered
     * romanisation of a word the registry also knows otherwise ("Bijoy" is someone else) would
     * never be a candidate.
     */
    Set<String> variants(String word) {
        Set<String> variants = new LinkedHashSet<>();
        for (Rule rule : rules) {
            replaceEach(word, rule.one(), rule.other(), variants);
            replaceEach(word, rule.other(), rule.one(), variants);
        }
        for (int k = 0; k + 1 < word.length(); k++) {
            if (word.charAt(k) == word.charAt(k + 1)) {
                variants.add(word.substring(0, k) + word.substring(k + 1));
            }
        }
        variants.remove(word);
        return variants;
    }

    private static void replaceEach(String word, String from, String to, Set<String> into) {
        for (int at = word.indexOf(from); at >= 0; at = word.indexOf(from, at + 1)) {
            into.add(word.substring(0, at) + to + word.substring(at + from.length()));
        }
    }
}
