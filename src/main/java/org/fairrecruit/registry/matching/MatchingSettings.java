package org.fairrecruit.registry.matching;

import io.micronaut.context.annotation.ConfigurationProperties;

/** registry.matching.* in application.yml: the verdict thresholds and the candidate pool size. */
@ConfigurationProperties("registry.matching")
record MatchingSettings(double matchThreshold, double possibleThreshold, int candidates) {
    MatchingRules rules() {
        return new MatchingRules(matchThreshold, possibleThreshold, candidates);
    }
}
