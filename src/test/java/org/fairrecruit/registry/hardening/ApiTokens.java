package org.fairrecruit.registry.hardening;

import io.micronaut.runtime.server.EmbeddedServer;
import org.fairrecruit.registry.support.RawHttp;
import org.fairrecruit.registry.support.StaffFixtures;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A bearer token through the real token endpoint. */
final class ApiTokens {
    private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

    private ApiTokens() {
    }

    static String issue(EmbeddedServer server, String username) {
        RawHttp.Response response = new RawHttp(server.getURI()).request("POST", "/api/v1/staff/tokens",
                Attacks.headers("Content-Type", "application/json", "Accept", "application/json"),
                ("{\"username\":\"" + username + "\",\"password\":\"" + StaffFixtures.PASSWORD + "\"}").getBytes(StandardCharsets.UTF_8));
        Matcher m = TOKEN.matcher(response.body());
        if (response.status() != 200 || !m.find()) {
            throw new IllegalStateException("no token for " + username + ": " + response.status() + " " + response.body());
        }
        return m.group(1);
    }
}
