package org.fairrecruit.registry.matching;

import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * How alike two token texts are, 0..1, and in what way, so the scorer can say what it forgave.
 * Spelling is compared with an edit distance in which the differences romanisation produces
 * (vowels: Akter/Aktar, an added h: Prasad/Prashad, doubled letters: Uddin/Udin) cost half or less
 * of a real letter change, because the same name is spelled these ways by different clerks.
 */
final class TokenSimilarity {

    /** Below this two tokens are not considered the same word at all. */
    static final double MIN_SIMILARITY = 0.6;

    static final double INITIAL = 0.8;
    static final double ABBREVIATION = 0.8;
    static final double SOUNDS_ALIKE = 0.82;

    enum Way { SAME, VARIANT, TYPO, SWAPPED, SOUNDS_ALIKE, INITIAL, ABBREVIATION, OTHER_NAME, NONE }

    record Result(double score, Way way, int letters) {
        static final Result NONE = new Result(0, Way.NONE, 0);
        static final Result SAME = new Result(1, Way.SAME, 0);
    }

    private static final ThreadLocal<DoubleMetaphone> METAPHONE = ThreadLocal.withInitial(() -> {
        DoubleMetaphone metaphone = new DoubleMetaphone();
        metaphone.setMaxCodeLen(6);
        return metaphone;
    });

    static Result compare(String query, String candidate, EntityType type) {
        if (query.equals(candidate)) {
            return Result.SAME;
        }
        if (query.length() == 1 || candidate.length() == 1) {
            return type == EntityType.PERSON && query.charAt(0) == candidate.charAt(0)
                    ? new Result(INITIAL, Way.INITIAL, 0) : Result.NONE;
        }
        int shorter = Math.min(query.length(), candidate.length());
        int longer = Math.max(query.length(), candidate.length());
        // Words of very different length are never one word misspelt; only an abbreviation can join them.
        if (shorter * 3 < longer * 2 && longer - shorter > 2) {
            return type == EntityType.AGENCY && isAbbreviation(query, candidate) ? new Result(ABBREVIATION, Way.ABBREVIATION, 0) : Result.NONE;
        }
        Edits edits = Edits.between(query, candidate);
        double score = 1 - edits.cost / longer;
        Way way = edits.onlyRomanisation ? Way.VARIANT : edits.letters == 1 && edits.swapped ? Way.SWAPPED : Way.TYPO;
        if (score < SOUNDS_ALIKE && score >= MIN_SIMILARITY - 0.2 && shorter >= 4 && soundAlike(query, candidate)) {
            return new Result(SOUNDS_ALIKE, Way.SOUNDS_ALIKE, edits.letters);
        }
        if (score < ABBREVIATION && type == EntityType.AGENCY && isAbbreviation(query, candidate)) {
            return new Result(ABBREVIATION, Way.ABBREVIATION, 0);
        }
        // Beyond about one changed letter in four it is another word, however cheap the changes.
        boolean tooManyLetters = way != Way.VARIANT && edits.letters > 1 + Math.max(query.length(), candidate.length()) / 4;
        return score >= MIN_SIMILARITY && !tooManyLetters ? new Result(score, way, edits.letters) : Result.NONE;
    }

    static String phoneticKey(String token) {
        return METAPHONE.get().doubleMetaphone(token);
    }

    private static boolean soundAlike(String a, String b) {
        DoubleMetaphone metaphone = METAPHONE.get();
        String a1 = metaphone.doubleMetaphone(a);
        String b1 = metaphone.doubleMetaphone(b);
        return a1.length() >= 3 && (a1.equals(b1) || a1.equals(metaphone.doubleMetaphone(b, true))
                || metaphone.doubleMetaphone(a, true).equals(b1));
    }

    /** "Grn" for "Grand", "Mktg" for "Marketing": same first letter, the rest in order, much shorter. */
    private static boolean isAbbreviation(String shortForm, String longForm) {
        if (shortForm.length() > 5 || shortForm.length() * 5 > longForm.length() * 3 || shortForm.charAt(0) != longForm.charAt(0)) {
            return false;
        }
        int at = 1;
        for (int i = 1; i < shortForm.length(); i++) {
            at = longForm.indexOf(shortForm.charAt(i), at) + 1;
            if (at == 0) {
                return false;
            }
        }
        return true;
    }

    /** Weighted optimal-string-alignment distance, plus the plain count of letters changed. */
    private record Edits(double cost, int letters, boolean onlyRomanisation, boolean swapped) {

        private static final double CHEAP_VOWEL = 0.5;
        private static final double CHEAP_H = 0.5;
        private static final double DOUBLED = 0.3;
        private static final double SWAP = 0.8;

        private static final ThreadLocal<Table> TABLES = ThreadLocal.withInitial(() -> new Table(32));

        /** Reused dynamic-programming tables: comparing is the hot loop of every search. */
        private static final class Table {
            final double[][] cost;
            final int[][] letters;
            final boolean[][] cheapOnly;
            final boolean[][] swap;

            Table(int size) {
                cost = new double[size][size];
                letters = new int[size][size];
                cheapOnly = new boolean[size][size];
                swap = new boolean[size][size];
            }
        }

        static Edits between(String a, String b) {
            int n = a.length();
            int m = b.length();
            Table table = TABLES.get();
            if (table.cost.length <= Math.max(n, m)) {
                table = new Table(Math.max(n, m) + 1);
                TABLES.set(table);
            }
            double[][] cost = table.cost;
            int[][] letters = table.letters;
            boolean[][] cheapOnly = table.cheapOnly;
            boolean[][] swap = table.swap;
            cost[0][0] = 0;
            letters[0][0] = 0;
            cheapOnly[0][0] = true;
            swap[0][0] = false;
            for (int i = 1; i <= n; i++) {
                double c = indelCost(a, i - 1);
                cost[i][0] = cost[i - 1][0] + c;
                letters[i][0] = i;
                cheapOnly[i][0] = cheapOnly[i - 1][0] && c < 1;
                swap[i][0] = false;
            }
            for (int j = 1; j <= m; j++) {
                double c = indelCost(b, j - 1);
                cost[0][j] = cost[0][j - 1] + c;
                letters[0][j] = j;
                cheapOnly[0][j] = cheapOnly[0][j - 1] && c < 1;
                swap[0][j] = false;
            }
            for (int i = 1; i <= n; i++) {
                for (int j = 1; j <= m; j++) {
                    char x = a.charAt(i - 1);
                    char y = b.charAt(j - 1);
                    double sub = x == y ? 0 : substitutionCost(x, y);
                    double best = cost[i - 1][j - 1] + sub;
                    int bestLetters = letters[i - 1][j - 1] + (x == y ? 0 : 1);
                    boolean bestCheap = cheapOnly[i - 1][j - 1] && sub < 1;
                    boolean bestSwap = swap[i - 1][j - 1];
                    double del = cost[i - 1][j] + indelCost(a, i - 1);
                    if (del < best) {
                        best = del;
                        bestLetters = letters[i - 1][j] + 1;
                        bestCheap = cheapOnly[i - 1][j] && indelCost(a, i - 1) < 1;
                        bestSwap = swap[i - 1][j];
                    }
                    double ins = cost[i][j - 1] + indelCost(b, j - 1);
                    if (ins < best) {
                        best = ins;
                        bestLetters = letters[i][j - 1] + 1;
                        bestCheap = cheapOnly[i][j - 1] && indelCost(b, j - 1) < 1;
                        bestSwap = swap[i][j - 1];
                    }
                    if (i > 1 && j > 1 && x == b.charAt(j - 2) && a.charAt(i - 2) == y && x != y
                            && cost[i - 2][j - 2] + SWAP < best) {
                        best = cost[i - 2][j - 2] + SWAP;
                        bestLetters = letters[i - 2][j - 2] + 1;
                        bestCheap = false;
                        bestSwap = true;
                    }
                    cost[i][j] = best;
                    letters[i][j] = bestLetters;
                    cheapOnly[i][j] = bestCheap;
                    swap[i][j] = bestSwap;
                }
            }
            return new Edits(cost[n][m], letters[n][m], cheapOnly[n][m], swap[n][m]);
        }

        private static double indelCost(String s, int at) {
            char c = s.charAt(at);
            if ((at > 0 && s.charAt(at - 1) == c) || (at + 1 < s.length() && s.charAt(at + 1) == c)) {
                return DOUBLED;
            }
            if (isVowel(c)) {
                return CHEAP_VOWEL;
            }
            return c == 'h' && at > 0 ? CHEAP_H : 1;
        }

        private static double substitutionCost(char x, char y) {
            if (isVowel(x) && isVowel(y)) {
                return CHEAP_VOWEL;
            }
            // letters that stand for the same sound in different romanisations
            if (pair(x, y, 'c', 'k') || pair(x, y, 'v', 'w') || pair(x, y, 'v', 'b') || pair(x, y, 'z', 's')
                    || pair(x, y, 'q', 'k') || pair(x, y, 'x', 'k') || pair(x, y, 'j', 'z')) {
                return 0.7;
            }
            return 1;
        }

        private static boolean pair(char x, char y, char p, char q) {
            return (x == p && y == q) || (x == q && y == p);
        }

        private static boolean isVowel(char c) {
            return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
        }
    }
}
