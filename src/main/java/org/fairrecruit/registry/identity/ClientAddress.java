package org.fairrecruit.registry.identity;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/** The address a sign-in comes from; behind a proxy, the last entry of its header (the one the proxy added). */
@Singleton
class ClientAddress {
    private final String header;

    ClientAddress(SecuritySettings settings) {
        this.header = settings.clientHeader() == null ? "" : settings.clientHeader();
    }

    String of(HttpRequest<?> request) {
        if (!header.isBlank()) {
            String forwarded = request.getHeaders().get(header);
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
            }
        }
        return request.getRemoteAddress().getAddress().getHostAddress();
    }
}
