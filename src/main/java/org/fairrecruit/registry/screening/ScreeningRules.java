package org.fairrecruit.registry.screening;

import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.matching.Verdict;

import java.time.Duration;
import java.util.Optional;

/**
 * registry.screening.*: limits of the employer API and how much a country or licence number in a
 * query moves a name's score. The verdict thresholds are the matcher's own (registry.matching.*).
 */
@Singleton
class ScreeningRules {
    final int maxQueries;
    final int maxBatchRows;
    final int candidatesPerQuery;
    final double countryBonus;
    final double countryPenalty;
    final double licenceBonus;
    final double licencePenalty;
    final int batchChunk;
    final Duration batchPollInterval;
    private final double matchThreshold;
    private final double possibleThreshold;

    ScreeningRules(@Property(name = "registry.screening.max-queries") int maxQueries,
                   @Property(name = "registry.screening.max-batch-rows") int maxBatchRows,
                   @Property(name = "registry.screening.candidates-per-query") int candidatesPerQuery,
                   @Property(name = "registry.screening.country-bonus") double countryBonus,
                   @Property(name = "registry.screening.country-penalty") double countryPenalty,
                   @Property(name = "registry.screening.licence-bonus") double licenceBonus,
                   @Property(name = "registry.screening.licence-penalty") double licencePenalty,
                   @Property(name = "registry.screening.batch-chunk") int batchChunk,
                   @Property(name = "registry.screening.batch-poll-interval") Duration batchPollInterval,
                   @Property(name = "registry.matching.match-threshold") double matchThreshold,
                   @Property(name = "registry.matching.possible-threshold") double possibleThreshold) {
        this.maxQueries = maxQueries;
        this.maxBatchRows = maxBatchRows;
        this.candidatesPerQuery = candidatesPerQuery;
        this.countryBonus = countryBonus;
        this.countryPenalty = countryPenalty;
        this.licenceBonus = licenceBonus;
        this.licencePenalty = licencePenalty;
        this.batchChunk = batchChunk;
        this.batchPollInterval = batchPollInterval;
        this.matchThreshold = matchThreshold;
        this.possibleThreshold = possibleThreshold;
    }

    /** The verdict for a score after adjustment; empty when it fell below POSSIBLE. */
    Optional<Verdict> verdict(double score) {
        if (score >= matchThreshold) {
            return Optional.of(Verdict.MATCH);
        }
        return score >= possibleThreshold ? Optional.of(Verdict.POSSIBLE) : Optional.empty();
    }
}
