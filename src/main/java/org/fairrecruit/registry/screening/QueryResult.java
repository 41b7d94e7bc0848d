package org.fairrecruit.registry.screening;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The candidates for one query, best first; none means the registry knows no such name. */
@Serdeable
public record QueryResult(String ref, List<Candidate> candidates) {
}
