package org.fairrecruit.registry.screening;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A watch as its owner sees it (never the webhook secret). */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record Watch(long id, String agencyId, @Nullable String email, @Nullable String webhookUrl,
                    boolean webhookDisabled, AgencyState lastNotifiedState, Instant createdAt) {
}
