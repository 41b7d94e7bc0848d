package org.fairrecruit.registry.matching;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What screening tools weigh besides the name, when both sides know it: country, year of birth and
 * identity documents. Two people of one common name ("Mohammad Ali", born 1971 and 1990) are then
 * told apart, and one person under a spelling too far off for the name alone is still found.
 */
final class Signals {

    /** A different registered country makes a name a little less likely to be the one meant. */
    private static final double OTHER_COUNTRY_PENALTY = 0.05;
    /** Years of birth are often guessed from an age, so one year off is the same year. */
    private static final int BIRTH_YEAR_TOLERANCE = 1;
    /** A year of birth further off takes even an exact name below MATCH (0.85) to POSSIBLE. */
    private static final double OTHER_BIRTH_YEAR_PENALTY = 0.2;

    /** A score after the signals, and what they said, as "; ..." notes to append to the explanation. */
    record Adjusted(double score, String notes) {
    }

    private Signals() {
    }

    /**
     * @param nameScore the name's score; a shared identifier lifts a POSSIBLE name to MATCH, but
     *                  never makes a match of a name that is not at least POSSIBLE
     */
    static Adjusted apply(double nameScore, MatchQuery query, String country, Integer birthYear,
                          Collection<String> identifiers, MatchingRules rules) {
        double score = nameScore;
        StringBuilder notes = new StringBuilder();
        if (query.country() != null && country != null && !query.country().equalsIgnoreCase(country)) {
            score -= OTHER_COUNTRY_PENALTY;
            notes.append("; registered in ").append(country).append(", not ").append(query.country().toUpperCase(Locale.ROOT));
        }
        if (query.birthYear() != null && birthYear != null) {
            if (Math.abs(query.birthYear() - birthYear) > BIRTH_YEAR_TOLERANCE) {
                score -= OTHER_BIRTH_YEAR_PENALTY;
                notes.append("; born ").append(birthYear).append(", not ").append(query.birthYear());
            } else {
                notes.append("; same year of birth");
            }
        }
        if (nameScore >= rules.possibleThreshold() && shareOne(query.identifiers(), identifiers)) {
            score = Math.max(score, rules.matchThreshold());
            notes.append("; same identity document");
        }
        return new Adjusted(Math.max(0, score), notes.toString());
    }

    /** "p-123 4567" and "P1234567" are one document number. */
    static String normalised(String identifier) {
        StringBuilder sb = new StringBuilder(identifier.length());
        identifier.codePoints().filter(Character::isLetterOrDigit).map(Character::toUpperCase).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    static Set<String> normalised(Collection<String> identifiers) {
        Set<String> result = new HashSet<>();
        for (String identifier : identifiers) {
            String plain = identifier == null ? "" : normalised(identifier);
            if (!plain.isEmpty()) {
                result.add(plain);
            }
        }
        return result;
    }

    private static boolean shareOne(Collection<String> asked, Collection<String> known) {
        if (asked.isEmpty() || known.isEmpty()) {
            return false;
        }
        Set<String> plain = normalised(asked);
        return normalised(known).stream().anyMatch(plain::contains);
    }
}
