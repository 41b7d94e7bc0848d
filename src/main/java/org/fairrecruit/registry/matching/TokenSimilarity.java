package org.fairrecruit.registry.matching;

import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * How alike two token texts are, 0..1, and in what way, so the scorer can say what it forgave.
 * Spelling is compared with an edit distance in which the differences romanisation produces
 * (vowels: Akter/Aktar, an added h: Prasad/Prashad, doubled letters: Uddin/Udin) cost half or less
 * of a real letter change, because the same name is spelled these ways by different clerks. The
 * spellings of one sound listed in romanisations.tsv (Bengali a/o, Tamil zh/l, ph/f ...) cost less
 * still, and a difference made only of them and of doubled letters is the same name: it is never
 * taken for another registered name.
 */
final class TokenSimilarity {

    /** Below this two tokens are not considered the same word at all. */
    static final double MIN_SIMILARITY = 0.6;

    static final double INITIAL = 0.8;
    static final double ABBREVIATION = 0.8;
    static final double SOUNDS_ALIKE = 0.82;

    static final double NICKNAME = 0.9;

    enum Way { SAME, ROMANISATION, VARIANT, TYPO, SWAPPED, SOUNDS_ALIKE, INITIAL, NICKNAME, ABBREVIATION, OTHER_NAME, NONE }

    /** @param rules the romanisation rules used (bits of {@link Romanisations.Rule#id()}) */
    record Result(double score, Way way, int letters, long rules) {
        static final Result NONE = new Result(0, Way.NONE, 0);
        static final Result SAME = new Result(1, Way.SAME, 0);

        Result(double score, Way way, int letters) {
            this(score, way, letters, 0);
        }
    }

    private static final Romanisations ROMANISATIONS = Romanisations.load();

    static Romanisations romanisations() {
        return ROMANISATIONS;
    }

    private static final ThreadLocal<DoubleMetaphone> METAPHONE = ThreadLocal.withInitial(() -> {
        DoubleMetaphone metaphone = new DoubleMetaphone();
        metaphone.setMaxCodeLen(6);
        return metaphone;
    });

    static Result compare(String query, String candidate, EntityType type) {
        return compare(query, candidate, type, 0);
    }

    /**
     * @param atLeast the lowest score the caller can use: a spelling that cannot reach it (nor a
     *                sound-alike's score) may come back as NONE without being compared in full
     */
    static Result compare(String query, String candidate, EntityType type, double atLeast) {
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
        // Only a spelling scoring at least this much can become a sound-alike or be used.
        double lowest = Math.max(atLeast, MIN_SIMILARITY - 0.2);
        Edits edits = Edits.between(query, candidate, (1 - lowest) * longer);
        if (edits == null) {
            return type == EntityType.AGENCY && isAbbreviation(query, candidate) ? new Result(ABBREVIATION, Way.ABBREVIATION, 0) : Result.NONE;
        }
        double score = 1 - edits.cost / longer;
        Way way = edits.sameSound ? Way.ROMANISATION : edits.onlyRomanisation ? Way.VARIANT
                : edits.letters == 1 && edits.swapped ? Way.SWAPPED : Way.TYPO;
        if (score < SOUNDS_ALIKE && score >= MIN_SIMILARITY - 0.2 && shorter >= 4 && soundAlike(query, candidate)) {
            return new Result(SOUNDS_ALIKE, Way.SOUNDS_ALIKE, edits.letters);
        }
        if (score < ABBREVIATION && type == EntityType.AGENCY && isAbbreviation(query, candidate)) {
            return new Result(ABBREVIATION, Way.ABBREVIATION, 0);
        }
        // Beyond about one changed letter in four it is another word, however cheap the changes.
        boolean tooManyLetters = !edits.onlyRomanisation && edits.letters > 1 + Math.max(query.length(), candidate.length()) / 4;
        return score >= MIN_SIMILARITY && !tooManyLetters ? new Result(score, way, edits.letters, edits.rules) : Result.NONE;
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

    /**
     * Weighted optimal-string-alignment distance, plus the plain count of letters changed, whether
     * every change was cheap, whether every change was one of the same sound, and which
     * romanisation rules it used.
     */
    private record Edits(double cost, int letters, boolean onlyRomanisation, boolean sameSound, boolean swapped, long rules) {

        private static final double CHEAP_VOWEL = 0.5;
        private static final double CHEAP_H = 0.5;
        private static final double DOUBLED = 0.3;
        private static final double SWAP = 0.8;

        /** How each cell was reached, for the walk back that names the rules used. */
        private static final int MATCH = 0;
        private static final int CHANGE = 1;
        private static final int DELETE = 2;
        private static final int INSERT = 3;
        private static final int SWAPPED = 4;
        /** From here on: a rule, as RULE + 2 * id + (1 if the query holds its second spelling). */
        private static final int RULE = 8;

        private static final ThreadLocal<Table> TABLES = ThreadLocal.withInitial(() -> new Table(32));

        /** Reused dynamic-programming tables: comparing is the hot loop of every search. */
        private static final class Table {
            final double[][] cost;
            final int[][] letters;
            final boolean[][] cheapOnly;
            final boolean[][] sameSound;
            final boolean[][] swap;
            final int[][] step;
            /** Ends of rule spellings in each word: first spellings in a, second in a, first in b, second in b. */
            final long[] firstInA;
            final long[] secondInA;
            final long[] firstInB;
            final long[] secondInB;

            /** Lowest cost in each row so far. */
            final double[] rowMin;
            /** Cost of leaving out each letter of a and of b, asked in every cell otherwise. */
            final double[] indelA;
            final double[] indelB;

            Table(int size) {
                rowMin = new double[size];
                indelA = new double[size];
                indelB = new double[size];
                firstInA = new long[size];
                secondInA = new long[size];
                firstInB = new long[size];
                secondInB = new long[size];
                cost = new double[size][size];
                letters = new int[size][size];
                cheapOnly = new boolean[size][size];
                sameSound = new boolean[size][size];
                swap = new boolean[size][size];
                step = new int[size][size];
            }

            void set(int i, int j, double c, int l, boolean cheap, boolean same, boolean swapped, int how) {
                cost[i][j] = c;
                letters[i][j] = l;
                cheapOnly[i][j] = cheap;
                sameSound[i][j] = same;
                swap[i][j] = swapped;
                step[i][j] = how;
            }
        }

        /** Rows a step of the alignment can jump at most: a swap, or the longest rule spelling. */
        private static final int LONGEST_STEP = Math.max(2, ROMANISATIONS.longestSpelling());
        /** Costs are sums of a few fixed decimals; this absorbs their rounding. */
        private static final double ROUNDING = 1e-9;

        /** Null when the distance is certainly above maxCost: most word pairs of a search are different words. */
        static Edits between(String a, String b, double maxCost) {
            int n = a.length();
            int m = b.length();
            Table table = TABLES.get();
            if (table.cost.length <= Math.max(n, m)) {
                table = new Table(Math.max(n, m) + 1);
                TABLES.set(table);
            }
            double[][] cost = table.cost;
            ROMANISATIONS.endings(a, true, table.firstInA);
            ROMANISATIONS.endings(a, false, table.secondInA);
            ROMANISATIONS.endings(b, true, table.firstInB);
            ROMANISATIONS.endings(b, false, table.secondInB);
            double[] indelA = table.indelA;
            double[] indelB = table.indelB;
            for (int i = 0; i < n; i++) {
                indelA[i] = indelCost(a, i);
            }
            for (int j = 0; j < m; j++) {
                indelB[j] = indelCost(b, j);
            }
            table.set(0, 0, 0, 0, true, true, false, MATCH);
            for (int i = 1; i <= n; i++) {
                double c = indelA[i - 1];
                table.set(i, 0, cost[i - 1][0] + c, i, table.cheapOnly[i - 1][0] && c < 1,
                        table.sameSound[i - 1][0] && c == DOUBLED, false, DELETE);
            }
            for (int j = 1; j <= m; j++) {
                double c = indelB[j - 1];
                table.set(0, j, cost[0][j - 1] + c, j, table.cheapOnly[0][j - 1] && c < 1,
                        table.sameSound[0][j - 1] && c == DOUBLED, false, INSERT);
            }
            double[] rowMin = table.rowMin;
            rowMin[0] = 0;
            for (int i = 1; i <= n; i++) {
                rowMin[i] = cost[i][0];
                for (int j = 1; j <= m; j++) {
                    char x = a.charAt(i - 1);
                    char y = b.charAt(j - 1);
                    Romanisations.Rule letterRule = x == y ? null : ROMANISATIONS.letters(x, y);
                    double sub = x == y ? 0 : substitutionCost(x, y, letterRule);
                    boolean byRule = letterRule != null && sub == letterRule.cost();
                    double best = cost[i - 1][j - 1] + sub;
                    int bestLetters = table.letters[i - 1][j - 1] + (x == y ? 0 : 1);
                    boolean bestCheap = table.cheapOnly[i - 1][j - 1] && sub < 1;
                    boolean bestSame = table.sameSound[i - 1][j - 1] && (x == y || byRule);
                    boolean bestSwap = table.swap[i - 1][j - 1];
                    int how = x == y ? MATCH : byRule ? RULE + 2 * letterRule.id() : CHANGE;
                    double delCost = indelA[i - 1];
                    double del = cost[i - 1][j] + delCost;
                    if (del < best) {
                        best = del;
                        bestLetters = table.letters[i - 1][j] + 1;
                        bestCheap = table.cheapOnly[i - 1][j] && delCost < 1;
                        bestSame = table.sameSound[i - 1][j] && delCost == DOUBLED;
                        bestSwap = table.swap[i - 1][j];
                        how = DELETE;
                    }
                    double insCost = indelB[j - 1];
                    double ins = cost[i][j - 1] + insCost;
                    if (ins < best) {
                        best = ins;
                        bestLetters = table.letters[i][j - 1] + 1;
                        bestCheap = table.cheapOnly[i][j - 1] && insCost < 1;
                        bestSame = table.sameSound[i][j - 1] && insCost == DOUBLED;
                        bestSwap = table.swap[i][j - 1];
                        how = INSERT;
                    }
                    if (i > 1 && j > 1 && x == b.charAt(j - 2) && a.charAt(i - 2) == y && x != y
                            && cost[i - 2][j - 2] + SWAP < best) {
                        best = cost[i - 2][j - 2] + SWAP;
                        bestLetters = table.letters[i - 2][j - 2] + 1;
                        bestCheap = false;
                        bestSame = false;
                        bestSwap = true;
                        how = SWAPPED;
                    }
                    // Rules by id, first spelling in a before second, as they are listed.
                    long oneHere = table.firstInA[i] & table.secondInB[j];
                    long otherHere = table.secondInA[i] & table.firstInB[j];
                    for (long both = oneHere | otherHere; both != 0; both &= both - 1) {
                        Romanisations.Rule rule = ROMANISATIONS.rule(Long.numberOfTrailingZeros(both));
                        for (int side = 0; side < 2; side++) {
                            if (((side == 0 ? oneHere : otherHere) & 1L << rule.id()) == 0) {
                                continue;
                            }
                            int fromI = i - (side == 0 ? rule.one() : rule.other()).length();
                            int fromJ = j - (side == 0 ? rule.other() : rule.one()).length();
                            if (cost[fromI][fromJ] + rule.cost() < best) {
                                best = cost[fromI][fromJ] + rule.cost();
                                bestLetters = table.letters[fromI][fromJ] + 1;
                                bestCheap = table.cheapOnly[fromI][fromJ];
                                bestSame = table.sameSound[fromI][fromJ];
                                bestSwap = table.swap[fromI][fromJ];
                                how = RULE + 2 * rule.id() + side;
                            }
                        }
                    }
                    table.set(i, j, best, bestLetters, bestCheap, bestSame, bestSwap, how);
                    rowMin[i] = Math.min(rowMin[i], best);
                }
                // Every alignment passes through one of the last LONGEST_STEP rows, and costs only add up.
                double below = Double.MAX_VALUE;
                for (int k = Math.max(0, i - LONGEST_STEP + 1); k <= i; k++) {
                    below = Math.min(below, rowMin[k]);
                }
                if (below > maxCost + ROUNDING) {
                    return null;
                }
            }
            return new Edits(cost[n][m], table.letters[n][m], table.cheapOnly[n][m], table.sameSound[n][m],
                    table.swap[n][m], rulesUsed(table.step, n, m));
        }

        private static long rulesUsed(int[][] step, int i, int j) {
            long rules = 0;
            while (i > 0 || j > 0) {
                int how = step[i][j];
                switch (how) {
                    case MATCH, CHANGE -> { i--; j--; }
                    case DELETE -> i--;
                    case INSERT -> j--;
                    case SWAPPED -> { i -= 2; j -= 2; }
                    default -> {
                        Romanisations.Rule rule = ROMANISATIONS.rule((how - RULE) / 2);
                        rules |= 1L << rule.id();
                        boolean second = (how - RULE) % 2 == 1;
                        i -= (second ? rule.other() : rule.one()).length();
                        j -= (second ? rule.one() : rule.other()).length();
                    }
                }
            }
            return rules;
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

        private static double substitutionCost(char x, char y, Romanisations.Rule rule) {
            double cost = isVowel(x) && isVowel(y) ? CHEAP_VOWEL : 1;
            return rule == null ? cost : Math.min(cost, rule.cost());
        }

        private static boolean isVowel(char c) {
            return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
        }
    }
}
