package org.fairrecruit.registry.matching;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.changefeed.ChangeFeed;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A replica is ready only once its name index holds every record: Kubernetes never routes searches to a half-built index. */
@MicronautTest(transactional = false)
class NameIndexReadinessTest {
    @Inject MatchingSettings settings;
    @Inject ChangeFeed feed;
    @Inject List<NameSource> sources;

    private static HealthStatus status(NameIndexReadiness readiness) {
        HealthResult result = Mono.from(readiness.getResult()).block();
        return result.getStatus();
    }

    @Test
    void readiness_is_down_while_the_index_loads_and_up_once_every_source_is_loaded() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<NameSource> slow = new ArrayList<>(sources);
        NameSource first = slow.remove(0);
        // One source that takes its time, as a million names do, so the load can be watched half done.
        slow.add(new NameSource() {
            @Override public org.fairrecruit.registry.changefeed.EntityKind kind() { return first.kind(); }
            @Override public String matcherId(long id) { return first.matcherId(id); }
            @Override public java.util.Optional<MatchableEntity> one(long id) { return first.one(id); }
            @Override public SortedMap<Long, MatchableEntity> page(long afterId, int limit) {
                loading.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return first.page(afterId, limit);
            }
        });
        RegistryNameIndex index = new RegistryNameIndex(settings, feed, slow);
        NameIndexReadiness readiness = new NameIndexReadiness(index);
        assertEquals(HealthStatus.DOWN, status(readiness));
        Thread loader = new Thread(() -> index.onStartup(null));
        loader.start();
        assertTrue(loading.await(30, TimeUnit.SECONDS));
        assertEquals(HealthStatus.DOWN, status(readiness), "ready with a source not yet loaded");
        release.countDown();
        loader.join(30_000);
        assertEquals(HealthStatus.UP, status(readiness));
        index.close();
    }
}
