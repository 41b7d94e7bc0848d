package org.fairrecruit.registry.support;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock, set by the test: in a test class started with {@code environments = TestClock.ENV},
 * cases are received, fall due and are reported on the days the test chooses.
 */
@Singleton
@Replaces(Clock.class)
@Requires(env = TestClock.ENV)
public class TestClock extends Clock {
    public static final String ENV = "test-clock";
    private volatile Instant now = Instant.parse("2031-01-01T10:00:00Z");

    public void set(LocalDate day) {
        now = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
