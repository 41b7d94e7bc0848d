package org.fairrecruit.registry.matching;

/**
 * @param matchThreshold    score from which the registry says MATCH
 * @param possibleThreshold score from which a result is shown at all, as POSSIBLE
 * @param candidates        names fetched from the index before re-scoring; more costs latency, fewer
 *                          loses typo-heavy queries among names that share common words
 */
public record MatchingRules(double matchThreshold, double possibleThreshold, int candidates) {

    public MatchingRules {
        if (!(0 <= possibleThreshold && possibleThreshold <= matchThreshold && matchThreshold <= 1)) {
            throw new IllegalArgumentException("need 0 <= possibleThreshold <= matchThreshold <= 1");
        }
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be positive");
        }
    }

    public static MatchingRules defaults() {
        return new MatchingRules(0.85, 0.65, 50);
    }
}
