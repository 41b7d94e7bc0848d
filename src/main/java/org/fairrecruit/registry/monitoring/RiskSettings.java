package org.fairrecruit.registry.monitoring;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.Map;

/**
 * @param weights       points per counted event, by signal name
 * @param lookbackYears events older than this no longer count
 */
@ConfigurationProperties("registry.risk")
public record RiskSettings(Map<String, Integer> weights, int lookbackYears) {
}
