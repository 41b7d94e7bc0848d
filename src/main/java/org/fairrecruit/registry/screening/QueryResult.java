package org.fairrecruit.registry.screening;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The candidates for one query, best first; none means the registry knows no such name. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record QueryResult(String ref, List<Candidate> candidates) {
}
