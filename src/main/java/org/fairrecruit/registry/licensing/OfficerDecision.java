package org.fairrecruit.registry.licensing;

import io.micronaut.serde.annotation.Serdeable;

/** A move an officer makes alone (reinstatement, surrender): why, and on what legal basis. */
@Serdeable
public record OfficerDecision(long version, String reason, String legalBasis) {
}
