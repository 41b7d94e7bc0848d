package org.fairrecruit.registry.identity;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Set;

/**
 * A staff account as the audit trail and the admin page see it: never the password hash.
 * {@code version} goes back with an edit so a concurrent change is reported, not overwritten.
 */
@Serdeable
public record StaffMember(Long id, String username, String displayName, String email, Set<String> roles,
                          boolean enabled, Instant lockedUntil, long version) {
}
