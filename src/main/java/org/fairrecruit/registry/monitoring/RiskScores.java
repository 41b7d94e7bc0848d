package org.fairrecruit.registry.monitoring;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The risk score: score(agency) = sum over signals of weight(signal) x count(signal, agency), counting
 * events of the last {@code lookbackYears} and what is outstanding today. One formula, weights in
 * configuration, every signal's share shown.
 */
@Singleton
public class RiskScores {
    private final List<RiskSignal> signals;
    private final RiskSettings settings;
    private final Clock clock;

    RiskScores(List<RiskSignal> signals, RiskSettings settings, Clock clock) {
        this.signals = signals;
        this.settings = settings;
        this.clock = clock;
        signals.stream().filter(signal -> !settings.weights().containsKey(signal.name())).findFirst().ifPresent(signal -> {
            throw new IllegalStateException("registry.risk.weights has no weight for the signal " + signal.name());
        });
    }

    @Transactional(readOnly = true)
    public RiskScore of(long agencyId) {
        return scores(agencyId).getOrDefault(agencyId, new RiskScore(agencyId, 0, List.of()));
    }

    @Transactional(readOnly = true)
    public List<RiskScore> highest(int limit) {
        return scores(null).values().stream()
                .sorted(Comparator.comparingLong(RiskScore::total).reversed().thenComparingLong(RiskScore::agencyId))
                .limit(limit).toList();
    }

    private Map<Long, RiskScore> scores(Long onlyAgency) {
        LocalDate today = LocalDate.now(clock);
        LocalDate since = today.minusYears(settings.lookbackYears());
        Map<Long, List<RiskScore.Contribution>> byAgency = new HashMap<>();
        for (RiskSignal signal : signals) {
            int weight = settings.weights().get(signal.name());
            signal.countsByAgency(since, today, onlyAgency).forEach((agency, count) -> byAgency
                    .computeIfAbsent(agency, id -> new ArrayList<>())
                    .add(new RiskScore.Contribution(signal.name(), count, weight)));
        }
        Map<Long, RiskScore> scores = new HashMap<>();
        byAgency.forEach((agency, contributions) -> {
            contributions.sort(Comparator.comparingLong(RiskScore.Contribution::points).reversed());
            scores.put(agency, new RiskScore(agency, contributions.stream().mapToLong(RiskScore.Contribution::points).sum(),
                    List.copyOf(contributions)));
        });
        return scores;
    }
}
