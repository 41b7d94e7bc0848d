package org.fairrecruit.registry.complaint;

import io.micronaut.serde.annotation.Serdeable;

/** What a new case's creator gets back: the reference to read out to the complainant. */
@Serdeable
public record Receipt(long id, String reference, ComplaintStatus status) {
}
