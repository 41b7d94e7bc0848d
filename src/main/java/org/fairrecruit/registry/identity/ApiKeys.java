package org.fairrecruit.registry.identity;

import org.fairrecruit.registry.database.Column;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.audit.AuditEvent;
import org.fairrecruit.registry.audit.AuditLog;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.RegistryException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Employers' API keys. A key reads {@code rar_<public id>_<secret>}; it is shown once and only its
 * SHA-256 is stored, compared in constant time. Each key has scopes and a rate: a token bucket per
 * key on each replica (bucket4j), so N replicas allow up to N times the rate. The limit protects
 * the replica's CPU from one client; it needs no database write per request, and the usage count
 * per day, kept in the database, is the figure that is exact across replicas.
 */
@Singleton
public class ApiKeys {
    static final String PREFIX = "rar_";
    private static final Pattern KEY = Pattern.compile("rar_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{32})");
    private static final char[] ALPHANUMERIC = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final int MAX_RATE = 100_000;
    private static final int BUCKETS = 10_000;
    private final SecureRandom random = new SecureRandom();
    private final Sql sql;
    private final AuditLog audit;
    private final ApiKeySettings settings;
    private final Clock clock;
    private final Map<Long, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Bucket> eldest) {
            return size() > BUCKETS;
        }
    });

    ApiKeys(Sql sql, AuditLog audit, ApiKeySettings settings, Clock clock) {
        this.sql = sql;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** The key itself is in {@code key}, and nowhere else, ever again. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Serdeable
    public record IssuedKey(long id, String key) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)

    @Serdeable
    public record KeyRequest(@Nullable String organisation, @Nullable String contactEmail, @Nullable List<String> scopes,
                             @Nullable Integer requestsPerMinute) {
    }

    /** A key as the ADMIN sees it: never the key, only its public id. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Serdeable
    public record KeyView(long id, String publicId, String organisation, String contactEmail, List<ApiKeyScope> scopes,
                          int requestsPerMinute, String createdBy, Instant createdAt, @Nullable Instant revokedAt,
                          long requestsToday, long requestsTotal, List<DailyUsage> usage) {
        public boolean revoked() {
            return revokedAt != null;
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)

    @Serdeable
    public record DailyUsage(LocalDate day, long requests) {
    }

    @Transactional
    public IssuedKey issue(String actor, KeyRequest request) {
        Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
        List<String> asked = request.scopes() == null || request.scopes().isEmpty()
                ? Arrays.stream(ApiKeyScope.values()).map(Enum::name).toList() : request.scopes();
        boolean scopesValid = true;
        for (String scope : asked) {
            Optional<ApiKeyScope> known = Arrays.stream(ApiKeyScope.values())
                    .filter(s -> s.name().equalsIgnoreCase(scope == null ? "" : scope.strip())).findFirst();
            known.ifPresent(scopes::add);
            scopesValid &= known.isPresent();
        }
        int rate = request.requestsPerMinute() == null ? settings.defaultRequestsPerMinute() : request.requestsPerMinute();
        new InvalidInput.Collector()
                .text("organisation", request.organisation(), Column.API_KEY_ORGANISATION)
                .require(InvalidInput.Collector.isEmail(request.contactEmail()), "contactEmail", "field.email")
                .require(scopesValid, "scopes", "apikey.scopes.invalid")
                .require(rate >= 1 && rate <= MAX_RATE, "requestsPerMinute", "apikey.rate.invalid", MAX_RATE)
                .throwIfAny();
        String publicId = randomText(12);
        String key = PREFIX + publicId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(24));
        String scopeList = scopes.stream().map(Enum::name).collect(Collectors.joining(","));
        long id = sql.insert("""
                INSERT INTO api_key (public_id, secret_hash, organisation, contact_email, scopes, requests_per_minute,
                    created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", publicId, sha256(key),
                request.organisation().strip(), request.contactEmail().strip(), scopeList, rate, actor, Instant.now(clock));
        audit.record(AuditEvent.of(actor, "apikey.issued", "api_key", id), null, Map.of("publicId", publicId,
                "organisation", request.organisation().strip(), "contactEmail", request.contactEmail().strip(),
                "scopes", scopeList, "requestsPerMinute", rate));
        return new IssuedKey(id, key);
    }

    @Transactional
    public void revoke(String actor, long id) {
        int changed = sql.update("UPDATE api_key SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL",
                Instant.now(clock), actor, id);
        if (changed == 0) {
            if (sql.count("SELECT COUNT(*) FROM api_key WHERE id = ?", id) == 0) {
                throw new RegistryException.NotFound("api key", id);
            }
            throw new RegistryException.Conflict("apikey.alreadyRevoked", id);
        }
        audit.record(AuditEvent.of(actor, "apikey.revoked", "api_key", id), null, null);
    }

    /**
     * The client whose key this is, if it is valid, not revoked, has the scope and is within its
     * rate; counts the request towards today's usage. {@code scope} null: any scope will do.
     */
    @Transactional
    public ApiClient authorize(@Nullable String presented, @Nullable ApiKeyScope scope) {
        var parts = presented == null ? null : KEY.matcher(presented.strip());
        if (parts == null || !parts.matches()) {
            throw new RegistryException.Unauthorized("apikey.missing");
        }
        record Row(long id, String hash, String organisation, String email, String scopes, int rate, Instant revokedAt) {
        }
        Optional<Row> row = sql.one("SELECT id, secret_hash, organisation, contact_email, scopes, requests_per_minute, "
                + "revoked_at FROM api_key WHERE public_id = ?", rs -> new Row(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), Sql.instant(rs, "revoked_at")),
                parts.group(1));
        byte[] presentedHash = sha256(presented.strip()).getBytes(StandardCharsets.US_ASCII);
        // Compared even when no row was found, so a wrong id and a wrong secret take the same time.
        byte[] storedHash = row.map(r -> r.hash().getBytes(StandardCharsets.US_ASCII)).orElse(new byte[presentedHash.length]);
        if (!MessageDigest.isEqual(presentedHash, storedHash) || row.isEmpty() || row.get().revokedAt() != null) {
            throw new RegistryException.Unauthorized("apikey.invalid");
        }
        Row key = row.get();
        if (scope != null && !Arrays.asList(key.scopes().split(",")).contains(scope.name())) {
            throw new RegistryException.Forbidden("apikey.scope");
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(key.id(), id -> Bucket.builder()
                .addLimit(limit -> limit.capacity(key.rate()).refillGreedy(key.rate(), Duration.ofMinutes(1)))
                .build()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new ApiKeyRateLimited(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
        }
        sql.update("INSERT INTO api_key_usage (key_id, day, requests) VALUES (?, ?, 1) "
                + "ON DUPLICATE KEY UPDATE requests = requests + 1", key.id(), today());
        return new ApiClient(key.id(), key.organisation(), key.email());
    }

    @Transactional(readOnly = true)
    public List<KeyView> all() {
        LocalDate today = today();
        Map<Long, List<DailyUsage>> usage = new LinkedHashMap<>();
        sql.list("SELECT key_id, day, requests FROM api_key_usage WHERE day > ? ORDER BY day DESC",
                rs -> usage.computeIfAbsent(rs.getLong(1), id -> new java.util.ArrayList<>())
                        .add(new DailyUsage(Sql.date(rs, "day"), rs.getLong(3))), today.minusDays(30));
        Map<Long, Long> totals = new LinkedHashMap<>();
        sql.list("SELECT key_id, SUM(requests) FROM api_key_usage GROUP BY key_id",
                rs -> totals.put(rs.getLong(1), rs.getLong(2)));
        return sql.list("SELECT * FROM api_key ORDER BY id DESC", rs -> {
            long id = rs.getLong("id");
            List<DailyUsage> days = usage.getOrDefault(id, List.of());
            return new KeyView(id, rs.getString("public_id"), rs.getString("organisation"), rs.getString("contact_email"),
                    Arrays.stream(rs.getString("scopes").split(",")).map(ApiKeyScope::valueOf).toList(),
                    rs.getInt("requests_per_minute"), rs.getString("created_by"), Sql.instant(rs, "created_at"),
                    Sql.instant(rs, "revoked_at"),
                    days.stream().filter(d -> d.day().equals(today)).mapToLong(DailyUsage::requests).sum(),
                    totals.getOrDefault(id, 0L), days);
        });
    }

    private LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)]);
        }
        return text.toString();
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
