package org.fairrecruit.registry.monitoring;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** An agency's risk score with what made it up, so an officer can see why. */
@Serdeable
public record RiskScore(long agencyId, long total, List<Contribution> contributions) {

    @Serdeable
    public record Contribution(String signal, long count, int weight) {
        public long points() {
            return count * weight;
        }
    }
}
