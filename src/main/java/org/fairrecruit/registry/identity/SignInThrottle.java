package org.fairrecruit.registry.identity;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * Failed sign-ins counted in the database, so every replica sees the same counts: per account and
 * client address (a stranger guessing from elsewhere pauses only their own address for that
 * account, never the officer's) and per client address over all accounts (one address spraying
 * many names). Each failure is one atomic upsert, so parallel guesses are all counted.
 */
@Singleton
class SignInThrottle {
    private static final int KEY_LENGTH = 64;
    private final Sql sql;
    private final SecuritySettings settings;
    private final Clock clock;

    SignInThrottle(Sql sql, SecuritySettings settings, Clock clock) {
        this.sql = sql;
        this.settings = settings;
        this.clock = clock;
    }

    /** True while this account may not be tried from this address (or this address may not try at all). */
    @Transactional(readOnly = true)
    public boolean paused(String username, String address) {
        return sql.count("""
                SELECT COUNT(*) FROM sign_in_throttle WHERE window_until > ? AND (
                    (scope = 'A' AND username = ? AND client_address = ? AND failures >= ?)
                    OR (scope = 'C' AND username = '' AND client_address = ? AND failures >= ?))""",
                Instant.now(clock), key(username), key(address), settings.maxFailedLogins(), key(address),
                settings.maxFailedLoginsPerAddress()) > 0;
    }

    /**
     * Counts one failure against the account from this address and against the address; returns true
     * when this failure is the one that pauses the account for this address. A failure inside the
     * window extends it, so a paused guesser stays paused while guessing.
     */
    @Transactional
    public boolean countFailure(String username, String address) {
        Instant now = Instant.now(clock);
        Instant until = now.plus(settings.lockout());
        sql.update("""
                INSERT INTO sign_in_throttle (scope, username, client_address, failures, window_until)
                VALUES ('A', ?, ?, 1, ?), ('C', '', ?, 1, ?)
                ON DUPLICATE KEY UPDATE failures = IF(window_until <= ?, 1, failures + 1), window_until = ?""",
                key(username), key(address), until, key(address), until, now, until);
        return sql.count("SELECT failures FROM sign_in_throttle WHERE scope = 'A' AND username = ? AND client_address = ?",
                key(username), key(address)) == settings.maxFailedLogins();
    }

    @Transactional
    public void clear(String username, String address) {
        sql.update("DELETE FROM sign_in_throttle WHERE scope = 'A' AND username = ? AND client_address = ?", key(username), key(address));
    }

    /** Lifts every pause on the account, from every address (an administrator's unlock). */
    @Transactional
    public void clearAccount(String username) {
        sql.update("DELETE FROM sign_in_throttle WHERE scope = 'A' AND username = ?", key(username));
    }

    /** Until when the account is paused from at least one address, or null. */
    @Transactional(readOnly = true)
    public Instant pausedUntil(String username) {
        return sql.list("SELECT window_until FROM sign_in_throttle WHERE scope = 'A' AND username = ? "
                        + "AND failures >= ? AND window_until > ? ORDER BY window_until DESC LIMIT 1",
                rs -> Sql.instant(rs, "window_until"), key(username), settings.maxFailedLogins(), Instant.now(clock))
                .stream().findFirst().orElse(null);
    }

    /**
     * Ended windows pause no one and a failure after one counts from one again, so their rows are only
     * kept space: without this, every address that ever guessed kept its rows. Any replica may do it.
     */
    @Scheduled(fixedDelay = "10m", initialDelay = "1m")
    void forgetEnded() {
        sql.update("DELETE FROM sign_in_throttle WHERE window_until <= ?", Instant.now(clock));
    }

    private static String key(String value) {
        String normal = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return normal.length() > KEY_LENGTH ? normal.substring(0, KEY_LENGTH) : normal;
    }
}
