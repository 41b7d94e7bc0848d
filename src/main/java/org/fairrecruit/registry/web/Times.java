package org.fairrecruit.registry.web;

import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Moments as staff read them: in the regulator's zone, to the minute, with the offset ("2026-12-01 17:42 UTC+08:00"). */
@Singleton
public class Times {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final ZoneId zone;

    Times(@Property(name = "registry.time-zone") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public String at(Instant instant) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(zone);
        String offset = local.getOffset().getId();
        return MINUTE.format(local) + " UTC" + ("Z".equals(offset) ? "" : offset);
    }
}
