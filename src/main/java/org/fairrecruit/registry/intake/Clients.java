package org.fairrecruit.registry.intake;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Who is asking, as a pseudonym: limits and throttles count per client, but no address of a
 * reporter is ever stored. Behind a proxy the last entry of the configured header names the client
 * (the one the proxy added), as for the portal's rate limit.
 */
@Singleton
class Clients {
    private final String clientHeader;

    Clients(@Property(name = "registry.public-rate-limit.client-header") String clientHeader) {
        this.clientHeader = clientHeader;
    }

    String of(HttpRequest<?> request) {
        String address = request.getRemoteAddress().getAddress().getHostAddress();
        if (!clientHeader.isBlank()) {
            String forwarded = request.getHeaders().get(clientHeader);
            if (forwarded != null && !forwarded.isBlank()) {
                address = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
            }
        }
        return HexFormat.of().formatHex(sha256("client|" + address), 0, 16);
    }

    static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
