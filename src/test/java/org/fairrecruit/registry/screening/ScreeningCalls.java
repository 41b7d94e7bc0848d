package org.fairrecruit.registry.screening;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.StaffFixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The screening and staff API over real HTTP, as an employer's system and an ADMIN's script call them. */
@Singleton
class ScreeningCalls {
    private final EmbeddedServer server;
    private final StaffFixtures staff;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newHttpClient();
    private String adminToken;

    ScreeningCalls(EmbeddedServer server, StaffFixtures staff, JsonMapper json) {
        this.server = server;
        this.staff = staff;
        this.json = json;
    }

    /** Issues a key through the staff API and returns it. */
    String issueKey(String bodyJson) {
        Map<String, Object> issued = body(staff("POST", "/api/v1/staff/api-keys", bodyJson), 201);
        return (String) issued.get("key");
    }

    String issueKey() {
        return issueKey("{\"organisation\":\"Gulf Employer Co.\",\"contactEmail\":\"compliance@employer.test\"}");
    }

    synchronized HttpResponse<String> staff(String method, String path, String body) {
        if (adminToken == null) {
            String admin = staff.userWithRole(Roles.ADMIN);
            adminToken = (String) body(send(HttpRequest.newBuilder(uri("/api/v1/staff/tokens"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + admin + "\",\"password\":\""
                            + StaffFixtures.PASSWORD + "\"}"))), 200).get("accessToken");
        }
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> post(String key, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return send(withKey(request, key));
    }

    HttpResponse<String> get(String key, String path) {
        return send(withKey(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET(), key));
    }

    HttpResponse<byte[]> getBytes(String key, String path) {
        try {
            return http.send(withKey(HttpRequest.newBuilder(uri(path)).GET(), key).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> delete(String key, String path) {
        return send(withKey(HttpRequest.newBuilder(uri(path)).DELETE(), key));
    }

    Map<String, Object> body(HttpResponse<String> response, int expectedStatus) {
        assertEquals(expectedStatus, response.statusCode(), response.body());
        return map(response.body());
    }

    Map<String, Object> map(String text) {
        try {
            return json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Map<String, Object>> list(String text) {
        try {
            return json.readValue(text, Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static HttpRequest.Builder withKey(HttpRequest.Builder request, String key) {
        return key == null ? request : request.header(ScreeningApiController.KEY_HEADER, key);
    }

    private URI uri(String path) {
        return URI.create(server.getURI() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
