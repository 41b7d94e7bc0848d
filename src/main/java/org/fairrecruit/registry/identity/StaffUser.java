package org.fairrecruit.registry.identity;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** A staff account as stored (identity.StaffUsers); id and version are null before it is first written. */
record StaffUser(
        @Nullable Long id,
        String username,
        String displayName,
        String email,
        String passwordHash,
        String roles,
        boolean enabled,
        int tokenVersion,
        @Nullable Long version,
        Instant createdAt) {

    Set<String> roleSet() {
        return roles.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(roles.split(",")));
    }

    /** Any change of access invalidates the sessions issued before it. */
    StaffUser withAccess(Set<String> newRoles, boolean nowEnabled) {
        return new StaffUser(id, username, displayName, email, passwordHash, String.join(",", newRoles), nowEnabled,
                tokenVersion + 1, version, createdAt);
    }

    StaffMember snapshot(Instant pausedUntil) {
        return new StaffMember(id, username, displayName, email, roleSet(), enabled, pausedUntil, version == null ? 0 : version);
    }
}
