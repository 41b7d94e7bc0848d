package org.fairrecruit.registry.identity;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side sessions behind the signed tokens. A token names its session; the session is valid while
 * its row is unrevoked and unexpired and the account is enabled with unchanged access. Each replica
 * remembers a check for {@code registry.security.session-check-cache} at most, so a revocation on one
 * replica ends the session everywhere within seconds (at once on the replica that revoked it).
 */
@Singleton
class StaffSessions {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_CACHED = 10_000;
    private final Sql sql;
    private final Clock clock;
    private final Duration cacheFor;
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();

    StaffSessions(Sql sql, Clock clock, SecuritySettings settings) {
        this.sql = sql;
        this.clock = clock;
        this.cacheFor = settings.sessionCheckCache();
    }

    @Transactional
    public String open(long userId, Duration lifetime) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now(clock);
        sql.update("INSERT INTO staff_session (id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                id, userId, now, now.plus(lifetime));
        return id;
    }

    public boolean valid(String sessionId, String username, int tokenVersion) {
        Instant now = Instant.now(clock);
        Checked known = checked.get(sessionId);
        if (known != null && known.at().plus(cacheFor).isAfter(now)) {
            return known.valid();
        }
        boolean valid = sql.count("""
                SELECT COUNT(*) FROM staff_session s JOIN staff_user u ON u.id = s.user_id
                WHERE s.id = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND u.username = ? AND u.enabled
                    AND u.token_version = ?""", sessionId, now, username, tokenVersion) == 1;
        if (checked.size() >= MAX_CACHED) {
            checked.clear();
        }
        checked.put(sessionId, new Checked(valid, now));
        return valid;
    }

    @Transactional
    public void revoke(String sessionId) {
        sql.update("UPDATE staff_session SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", Instant.now(clock),
                sessionId);
        checked.remove(sessionId);
    }

    /** Ends every session of the account; returns how many were open. */
    @Transactional
    public int revokeAll(long userId) {
        int revoked = sql.update("UPDATE staff_session SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
                Instant.now(clock), userId);
        // This replica's cache does not know which of its entries belong to the account.
        checked.clear();
        return revoked;
    }

    /** Access changed on this replica: forget every cached check so the change applies here at once. */
    void forgetCachedChecks() {
        checked.clear();
    }

    private record Checked(boolean valid, Instant at) {
    }
}
