package org.fairrecruit.registry.monitoring;

import java.time.LocalDate;
import java.util.Map;

/**
 * One input of the risk score, counted per agency. A capability contributes its own signals
 * (complaints, prohibited fees, findings, licence history) as beans; each needs a weight in
 * {@code registry.risk.weights} under its {@link #name()}.
 */
public interface RiskSignal {
    String name();

    /**
     * Counts per agency of what happened since {@code since} (or is outstanding on {@code today});
     * agencies with nothing are left out. {@code onlyAgency} narrows to one agency when not null.
     */
    Map<Long, Long> countsByAgency(LocalDate since, LocalDate today, Long onlyAgency);

    @FunctionalInterface
    interface Counter {
        Map<Long, Long> count(LocalDate since, LocalDate today, Long onlyAgency);
    }

    static RiskSignal of(String name, Counter counter) {
        return new RiskSignal() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Map<Long, Long> countsByAgency(LocalDate since, LocalDate today, Long onlyAgency) {
                return counter.count(since, today, onlyAgency);
            }
        };
    }
}
