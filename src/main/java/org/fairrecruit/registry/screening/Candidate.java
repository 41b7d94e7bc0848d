package org.fairrecruit.registry.screening;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.fairrecruit.registry.matching.EntityType;
import org.fairrecruit.registry.matching.Verdict;

/** One registered agency or blacklist listing a query may name; {@code id} is agency-N or blacklist-N. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record Candidate(String id, EntityType type, String name, String matchedName, double score, Verdict verdict,
                        String explanation, @Nullable String licenceStatus, boolean blacklisted) {
}
