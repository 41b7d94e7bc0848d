package org.fairrecruit.registry.licensing;

import io.micronaut.serde.annotation.Serdeable;
import org.fairrecruit.registry.matching.Verdict;

import java.time.Instant;

/**
 * What the matcher said about one name of an application (the agency's or a key person's).
 *
 * @param list BLACKLIST, or DISQUALIFIED: a key person of an agency whose licence was revoked within the
 *             disqualification period, or the revoked agency itself
 */
@Serdeable
public record ScreeningHit(String subject, String list, String matchedId, String matchedName, double score,
                           Verdict verdict, String explanation, Instant screenedAt) {
}
