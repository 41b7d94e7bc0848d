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
    private static final WordMemo SOUND_KEYS = new WordMemo(word -> METAPHONE.get().doubleMetaphone(word));

    static Result compare(String query, String candidate, EntityType type) {
        return compare(query, candidate, type, 0, Edits.Table.ofThisThread());
    }

    /**
     * @param atLeast the lowest score the caller can use: a spelling that cannot reach it (nor a
     *                sound-alike's score) may come back as NONE without being compared in full
     * @param table   the calling thread's table
     */
    static Result compare(String query, String candidate, EntityType type, double atLeast, Edits.Table table) {
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
        Edits edits = Edits.between(query, candidate, (1 - lowest) * longer, table);
        if (edits == null) {
            return type == EntityType.AGENCY && isAbbreviation(query, candidate) ? new Result(ABBREVIATION, Way.ABBREVIATION, 0) : Result.NONE;
        }
        double score = 1 - edits.cost() / longer;
        Way way = edits.sameSound() ? Way.ROMANISATION : edits.onlyRomanisation() ? Way.VARIANT
                : edits.letters() == 1 && edits.swapped() ? Way.SWAPPED : Way.TYPO;
        if (score < SOUNDS_ALIKE && score >= MIN_SIMILARITY - 0.2 && shorter >= 4 && soundAlike(query, candidate)) {
            return new Result(SOUNDS_ALIKE, Way.SOUNDS_ALIKE, edits.letters());
        }
        if (score < ABBREVIATION && type == EntityType.AGENCY && isAbbreviation(query, candidate)) {
            return new Result(ABBREVIATION, Way.ABBREVIATION, 0);
        }
        // Beyond about one changed letter in four it is another word, however cheap the changes.
        boolean tooManyLetters = !edits.onlyRomanisation() && edits.letters() > 1 + Math.max(query.length(), candidate.length()) / 4;
        return score >= MIN_SIMILARITY && !tooManyLetters ? new Result(score, way, edits.letters(), edits.rules()) : Result.NONE;
    }

    static String phoneticKey(String token) {
        return SOUND_KEYS.of(token);
    }

    private static boolean soundAlike(String a, String b) {
        DoubleMetaphone metaphone = METAPHONE.get();
        String a1 = phoneticKey(a);
        String b1 = phoneticKey(b);
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
}
