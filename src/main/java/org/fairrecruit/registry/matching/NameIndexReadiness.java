package org.fairrecruit.registry.matching;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * {@code /health/readiness} is DOWN until this replica's name index holds every searchable record,
 * so a rollout never sends searches to a replica whose index is half built.
 */
@Singleton
@Readiness
class NameIndexReadiness implements HealthIndicator {
    private final RegistryNameIndex index;

    NameIndexReadiness(RegistryNameIndex index) {
        this.index = index;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("nameIndex", index.isLoaded() ? HealthStatus.UP : HealthStatus.DOWN).build());
    }
}
