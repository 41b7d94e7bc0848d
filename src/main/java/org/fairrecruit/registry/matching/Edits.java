package org.fairrecruit.registry.matching;

/**
 * Weighted optimal-string-alignment distance between two folded words, plus the plain count of
 * letters changed, whether every change was cheap, whether every change was one of the same sound,
 * whether two letters were swapped, and which romanisation rules it used (see {@link TokenSimilarity}).
 *
 * <p>The table holds only each cell's cost and the step that reached it; what the cheapest alignment
 * changed is read by walking its steps back once, from the last cell.
 *
 * @param rules the romanisation rules used (bits of {@link Romanisations.Rule#id()})
 */
record Edits(double cost, int letters, boolean onlyRomanisation, boolean sameSound, boolean swapped, long rules) {

    private static final double CHEAP_VOWEL = 0.5;
    private static final double CHEAP_H = 0.5;
    private static final double DOUBLED = 0.3;
    private static final double SWAP = 0.8;

    /** How each cell was reached, for the walk back. */
    private static final int MATCH = 0;
    private static final int CHANGE = 1;
    private static final int DELETE = 2;
    private static final int INSERT = 3;
    private static final int SWAPPED = 4;
    /** From here on: a rule, as RULE + 2 * id + (1 if the query holds its second spelling); below 256. */
    private static final int RULE = 8;

    private static final Romanisations ROMANISATIONS = TokenSimilarity.romanisations();
    /** Rows a step of the alignment can jump at most: a swap, or the longest rule spelling. */
    private static final int LONGEST_STEP = Math.max(2, ROMANISATIONS.longestSpelling());
    /** Costs are sums of a few fixed decimals; this absorbs their rounding. */
    private static final double ROUNDING = 1e-9;

    /** Folded words are ASCII: the cost and step of writing one letter for another, looked up per cell. */
    private static final int LETTERS = 128;
    private static final double[] SUBSTITUTION_COST = new double[LETTERS * LETTERS];
    private static final byte[] SUBSTITUTION_STEP = new byte[LETTERS * LETTERS];

    static {
        for (char x = 0; x < LETTERS; x++) {
            for (char y = 0; y < LETTERS; y++) {
                SUBSTITUTION_COST[x * LETTERS + y] = substitutionCost(x, y);
                SUBSTITUTION_STEP[x * LETTERS + y] = (byte) substitutionStep(x, y);
            }
        }
    }

    private static final ThreadLocal<Table> TABLES = ThreadLocal.withInitial(Table::new);

    /**
     * Reused dynamic-programming arrays, a row of the table after another: comparing is the hot loop of
     * every search. One per thread; a search fetches its thread's once (a thread-local lookup per
     * comparison cost as much as the comparison).
     */
    static final class Table {
        private double[] cost;
        private byte[] step;
        /** Ends of rule spellings in each word: first spellings in a, second in a, first in b, second in b. */
        private long[] firstInA;
        private long[] secondInA;
        private long[] firstInB;
        private long[] secondInB;
        /** Lowest cost in each row so far. */
        private double[] rowMin;
        /** Cost of leaving out each letter of a and of b. */
        private double[] indelA;
        private double[] indelB;

        private Table() {
            fit(32);
        }

        static Table ofThisThread() {
            return TABLES.get();
        }

        private void fit(int letters) {
            if (rowMin != null && rowMin.length > letters) {
                return;
            }
            cost = new double[(letters + 1) * (letters + 1)];
            step = new byte[cost.length];
            firstInA = new long[letters + 1];
            secondInA = new long[letters + 1];
            firstInB = new long[letters + 1];
            secondInB = new long[letters + 1];
            rowMin = new double[letters + 1];
            indelA = new double[letters + 1];
            indelB = new double[letters + 1];
        }
    }

    /** Null when the distance is certainly above maxCost: most word pairs of a search are different words. */
    static Edits between(String a, String b, double maxCost, Table table) {
        int n = a.length();
        int m = b.length();
        table.fit(Math.max(n, m));
        int width = m + 1;
        double[] cost = table.cost;
        byte[] step = table.step;
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
        cost[0] = 0;
        step[0] = MATCH;
        for (int i = 1; i <= n; i++) {
            cost[i * width] = cost[(i - 1) * width] + indelA[i - 1];
            step[i * width] = DELETE;
        }
        for (int j = 1; j <= m; j++) {
            cost[j] = cost[j - 1] + indelB[j - 1];
            step[j] = INSERT;
        }
        double[] rowMin = table.rowMin;
        rowMin[0] = 0;
        for (int i = 1; i <= n; i++) {
            int row = i * width;
            int up = row - width;
            char x = a.charAt(i - 1);
            double delCost = indelA[i - 1];
            long firstInA = table.firstInA[i];
            long secondInA = table.secondInA[i];
            double lowest = cost[row];
            for (int j = 1; j <= m; j++) {
                char y = b.charAt(j - 1);
                double best = cost[up + j - 1];
                int how = MATCH;
                if (x != y) {
                    best += substitution(x, y);
                    how = substitutionStepOf(x, y);
                }
                double del = cost[up + j] + delCost;
                if (del < best) {
                    best = del;
                    how = DELETE;
                }
                double ins = cost[row + j - 1] + indelB[j - 1];
                if (ins < best) {
                    best = ins;
                    how = INSERT;
                }
                if (i > 1 && j > 1 && x == b.charAt(j - 2) && a.charAt(i - 2) == y && x != y
                        && cost[up - width + j - 2] + SWAP < best) {
                    best = cost[up - width + j - 2] + SWAP;
                    how = SWAPPED;
                }
                // Rules by id, first spelling in a before second, as they are listed.
                long oneHere = firstInA & table.secondInB[j];
                long otherHere = secondInA & table.firstInB[j];
                for (long both = oneHere | otherHere; both != 0; both &= both - 1) {
                    Romanisations.Rule rule = ROMANISATIONS.rule(Long.numberOfTrailingZeros(both));
                    for (int side = 0; side < 2; side++) {
                        if (((side == 0 ? oneHere : otherHere) & 1L << rule.id()) == 0) {
                            continue;
                        }
                        int from = (i - (side == 0 ? rule.one() : rule.other()).length()) * width
                                + j - (side == 0 ? rule.other() : rule.one()).length();
                        if (cost[from] + rule.cost() < best) {
                            best = cost[from] + rule.cost();
                            how = RULE + 2 * rule.id() + side;
                        }
                    }
                }
                cost[row + j] = best;
                step[row + j] = (byte) how;
                lowest = Math.min(lowest, best);
            }
            rowMin[i] = lowest;
            // Every alignment passes through one of the last LONGEST_STEP rows, and costs only add up.
            double below = Double.MAX_VALUE;
            for (int k = Math.max(0, i - LONGEST_STEP + 1); k <= i; k++) {
                below = Math.min(below, rowMin[k]);
            }
            if (below > maxCost + ROUNDING) {
                return null;
            }
        }
        return walkBack(a, b, table, cost[n * width + m]);
    }

    /** What the cheapest alignment changed, from its steps. */
    private static Edits walkBack(String a, String b, Table table, double cost) {
        int width = b.length() + 1;
        int letters = 0;
        boolean cheapOnly = true;
        boolean sameSound = true;
        boolean swapped = false;
        long rules = 0;
        int i = a.length();
        int j = b.length();
        while (i > 0 || j > 0) {
            int how = table.step[i * width + j] & 0xFF;
            if (how != MATCH) {
                letters++;
            }
            switch (how) {
                case MATCH -> {
                    i--;
                    j--;
                }
                case CHANGE -> {
                    cheapOnly &= substitution(a.charAt(i - 1), b.charAt(j - 1)) < 1;
                    sameSound = false;
                    i--;
                    j--;
                }
                case DELETE -> {
                    cheapOnly &= table.indelA[i - 1] < 1;
                    sameSound &= table.indelA[i - 1] == DOUBLED;
                    i--;
                }
                case INSERT -> {
                    cheapOnly &= table.indelB[j - 1] < 1;
                    sameSound &= table.indelB[j - 1] == DOUBLED;
                    j--;
                }
                case SWAPPED -> {
                    cheapOnly = false;
                    sameSound = false;
                    swapped = true;
                    i -= 2;
                    j -= 2;
                }
                default -> {
                    Romanisations.Rule rule = ROMANISATIONS.rule((how - RULE) / 2);
                    rules |= 1L << rule.id();
                    boolean second = (how - RULE) % 2 == 1;
                    String inA = second ? rule.other() : rule.one();
                    String inB = second ? rule.one() : rule.other();
                    // A rule of one letter each side is a substitution, which is cheap only below a whole letter.
                    if (inA.length() == 1 && inB.length() == 1) {
                        cheapOnly &= rule.cost() < 1;
                    }
                    i -= inA.length();
                    j -= inB.length();
                }
            }
        }
        return new Edits(cost, letters, cheapOnly, sameSound, swapped, rules);
    }

    private static double substitution(char x, char y) {
        return x < LETTERS && y < LETTERS ? SUBSTITUTION_COST[x * LETTERS + y] : substitutionCost(x, y);
    }

    private static int substitutionStepOf(char x, char y) {
        return x < LETTERS && y < LETTERS ? SUBSTITUTION_STEP[x * LETTERS + y] & 0xFF : substitutionStep(x, y);
    }

    private static double substitutionCost(char x, char y) {
        if (x == y) {
            return 0;
        }
        double cost = isVowel(x) && isVowel(y) ? CHEAP_VOWEL : 1;
        Romanisations.Rule rule = ROMANISATIONS.letters(x, y);
        return rule == null ? cost : Math.min(cost, rule.cost());
    }

    private static int substitutionStep(char x, char y) {
        if (x == y) {
            return MATCH;
        }
        Romanisations.Rule rule = ROMANISATIONS.letters(x, y);
        return rule != null && substitutionCost(x, y) == rule.cost() ? RULE + 2 * rule.id() : CHANGE;
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

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }
}
