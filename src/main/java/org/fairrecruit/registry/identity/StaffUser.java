package org.fairrecruit.registry.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

@MappedEntity("staff_user")
record StaffUser(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String displayName,
        String email,
        String passwordHash,
        String roles,
        boolean enabled,
        int failedLogins,
        @Nullable Instant lockedUntil,
        int tokenVersion,
        @Version @Nullable Long version,
        Instant createdAt) {

    Set<String> roleSet() {
        return roles.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(roles.split(",")));
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    StaffUser withFailedLogin(int maxFailures, Instant lockUntil) {
        int failures = failedLogins + 1;
        return failures >= maxFailures
                ? copy(enabled, 0, lockUntil, roles, tokenVersion)
                : copy(enabled, failures, lockedUntil, roles, tokenVersion);
    }

    StaffUser withSuccessfulLogin() {
        return copy(enabled, 0, null, roles, tokenVersion);
    }

    /** Any change of access invalidates the sessions issued before it. */
    StaffUser withAccess(Set<String> newRoles, boolean nowEnabled) {
        return copy(nowEnabled, failedLogins, lockedUntil, String.join(",", newRoles), tokenVersion + 1);
    }

    StaffUser unlocked() {
        return copy(enabled, 0, null, roles, tokenVersion);
    }

    private StaffUser copy(boolean enabled, int failedLogins, Instant lockedUntil, String roles, int tokenVersion) {
        return new StaffUser(id, username, displayName, email, passwordHash, roles, enabled, failedLogins,
                lockedUntil, tokenVersion, version, createdAt);
    }

    StaffMember snapshot() {
        return new StaffMember(id, username, displayName, email, roleSet(), enabled, lockedUntil, version == null ? 0 : version);
    }
}
