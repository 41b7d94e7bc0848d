package org.fairrecruit.registry.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The staff API as hotline software calls it: a bearer token from POST /api/v1/staff/tokens, then JSON. */
public final class StaffApi {
    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newHttpClient();

    private StaffApi(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Signs in as {@code username} (password {@link StaffFixtures#PASSWORD}); a null username calls without a token. */
    public static StaffApi as(URI base, String username) {
        if (username == null) {
            return new StaffApi(base, null);
        }
        HttpResponse<String> response = new WebClient(base).postJson("/api/v1/staff/tokens",
                "{\"username\":\"" + username + "\",\"password\":\"" + StaffFixtures.PASSWORD + "\"}");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token for " + username + ": " + response.statusCode());
        }
        return new StaffApi(base, response.body().replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1"));
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
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
