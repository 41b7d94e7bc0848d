package org.fairrecruit.registry.screening;

import org.fairrecruit.registry.kernel.PublicId;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.audit.AuditEvent;
import org.fairrecruit.registry.audit.AuditLog;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.identity.ApiClient;
import org.fairrecruit.registry.licensing.AgencyStandings;
import org.fairrecruit.registry.notification.Webhooks;
import org.fairrecruit.registry.sanction.Listings;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.RegistryException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Watches on agencies: created, listed and ended by their key's owner; alerts go out from {@link WatchAlerts}. */
@Singleton
class Watches {
    static final String TEST_EVENT = "watch.test";
    private static final Pattern AGENCY_ID = Pattern.compile("(?:agency-)?(\\d{1,18})");
    private final Sql sql;
    private final AgencyStandings standings;
    private final Listings listings;
    private final Webhooks webhooks;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    Watches(Sql sql, AgencyStandings standings, Listings listings, Webhooks webhooks, AuditLog audit, JsonMapper json,
            Clock clock) {
        this.sql = sql;
        this.standings = standings;
        this.listings = listings;
        this.webhooks = webhooks;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)

    @Serdeable
    record WatchRequest(@Nullable String agencyId, @Nullable String licenceNumber, @Nullable String email,
                        @Nullable String webhookUrl) {
    }

    /** {@code secret} is the webhook signing secret (whsec_…), shown only here; null without a webhook. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Serdeable
    record Created(long id, String agencyId, @Nullable String secret) {
    }

    @Transactional
    public Created create(ApiClient client, WatchRequest request, Locale language) {
        boolean byId = present(request.agencyId());
        boolean byLicence = present(request.licenceNumber());
        boolean byWebhook = present(request.webhookUrl());
        new InvalidInput.Collector()
                .require(byId != byLicence, byId ? "licenceNumber" : "agencyId", "watch.target")
                .require(present(request.email()) || byWebhook, "email", "watch.channel")
                .optionalEmail("email", request.email())
                .throwIfAny();
        long agencyId = byId ? agency(request.agencyId()) : standings.agencyOfLicence(request.licenceNumber())
                .orElseThrow(() -> invalid("licenceNumber", "watch.licence.unknown"));
        AgencyStandings.Standing standing = standings.of(List.of(agencyId)).get(agencyId);
        if (standing == null) {
            throw invalid("agencyId", "watch.agency.unknown");
        }
        Optional<Webhooks.Endpoint> endpoint = byWebhook ? Optional.of(webhooks.register(request.webhookUrl()))
                : Optional.empty();
        AgencyState state = AgencyState.of(standing, listings.agencyListed(agencyId));
        long id = sql.insert("INSERT INTO screening_watch (key_id, agency_id, email, endpoint_id, language, last_state, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", client.keyId(), agencyId,
                present(request.email()) ? request.email().strip() : null, endpoint.map(Webhooks.Endpoint::id).orElse(null),
                language.getLanguage(), state.encoded(), Instant.now(clock));
        audit.record(AuditEvent.of(actor(client), "watch.created", "screening_watch", id), null,
                Map.of("agencyId", agencyId, "email", present(request.email()), "webhook", byWebhook));
        return new Created(id, PublicId.AGENCY.of(agencyId), endpoint.map(Webhooks.Endpoint::secret).orElse(null));
    }

    @Transactional(readOnly = true)
    public List<Watch> list(ApiClient client) {
        return sql.list(SELECT + " WHERE w.key_id = ? AND w.deleted_at IS NULL ORDER BY w.id", this::watch, client.keyId());
    }

    @Transactional(readOnly = true)
    public Watch get(ApiClient client, long id) {
        return sql.one(SELECT + " WHERE w.id = ? AND w.key_id = ? AND w.deleted_at IS NULL", this::watch, id, client.keyId())
                .orElseThrow(() -> new RegistryException.NotFound("watch", id));
    }

    @Transactional
    public void delete(ApiClient client, long id) {
        get(client, id);
        sql.update("UPDATE screening_watch SET deleted_at = ? WHERE id = ?", Instant.now(clock), id);
        audit.record(AuditEvent.of(actor(client), "watch.deleted", "screening_watch", id), null, null);
    }

    @Transactional(readOnly = true)
    public List<Webhooks.Delivery> deliveries(ApiClient client, long id) {
        get(client, id);
        return endpointOf(id).map(endpoint -> webhooks.deliveries(endpoint, 100)).orElse(List.of());
    }

    /** Queues a signed test event to the watch's webhook; returns its webhook-id. */
    @Transactional
    public String sendTest(ApiClient client, long id) {
        Watch watch = get(client, id);
        long endpoint = endpointOf(id).orElseThrow(() -> new RegistryException.Conflict("watch.noWebhook", id));
        Instant now = Instant.now(clock);
        String key = "msg_test_" + id + "_" + now.toEpochMilli();
        webhooks.enqueue(endpoint, key, TEST_EVENT, write(Map.of("type", TEST_EVENT, "timestamp", now.toString(),
                "data", Map.of("watchId", id, "agencyId", watch.agencyId()))));
        return key;
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String actor(ApiClient client) {
        return "api-key-" + client.keyId();
    }

    private Optional<Long> endpointOf(long watchId) {
        return sql.one("SELECT endpoint_id FROM screening_watch WHERE id = ? AND endpoint_id IS NOT NULL",
                rs -> rs.getLong(1), watchId);
    }

    private static final String SELECT = "SELECT w.id, w.agency_id, w.email, w.endpoint_id, w.last_state, w.created_at "
            + "FROM screening_watch w";

    private Watch watch(java.sql.ResultSet rs) throws java.sql.SQLException {
        Optional<Webhooks.EndpointInfo> endpoint = rs.getObject(4) == null ? Optional.empty()
                : webhooks.endpoint(rs.getLong(4));
        return new Watch(rs.getLong(1), PublicId.AGENCY.of(rs.getLong(2)), rs.getString(3),
                endpoint.map(Webhooks.EndpointInfo::url).orElse(null),
                endpoint.map(Webhooks.EndpointInfo::disabled).orElse(false), AgencyState.decode(rs.getString(5)),
                Sql.instant(rs, "created_at"));
    }

    private static long agency(String text) {
        Matcher m = AGENCY_ID.matcher(text.strip());
        if (!m.matches()) {
            throw invalid("agencyId", "watch.agency.unknown");
        }
        return Long.parseLong(m.group(1));
    }

    private static InvalidInput invalid(String field, String key) {
        return new InvalidInput(List.of(new InvalidInput.FieldError(field, key)));
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
