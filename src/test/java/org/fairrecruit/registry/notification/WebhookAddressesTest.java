package org.fairrecruit.registry.notification;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Server-side request forgery guard, as production runs it (loopback not allowed). Literal addresses: no DNS needed. */
class WebhookAddressesTest {
    private final WebhookAddresses production = new WebhookAddresses(false);
    private final WebhookAddresses embedded = new WebhookAddresses(true);

    @Test
    void loopback_private_link_local_and_unique_local_addresses_are_refused_in_production() {
        for (String url : List.of("https://127.0.0.1/hook", "https://127.8.9.10:8443/", "https://[::1]/", "https://10.1.2.3/",
                "https://172.16.0.9/", "https://192.168.1.20/", "https://169.254.169.254/latest/meta-data",
                "https://[fe80::1]/", "https://[fd12:3456::1]/", "https://0.0.0.0/", "https://100.64.0.1/",
                "https://localhost/")) {
            assertEquals(Optional.of("webhook.url.internal"), production.refusal(url), url);
        }
    }

    @Test
    void a_public_https_address_is_allowed_and_plain_http_only_to_an_allowed_loopback() {
        assertEquals(Optional.empty(), production.refusal("https://93.184.216.34/registry-hooks"));
        assertEquals(Optional.of("webhook.url.https"), production.refusal("http://93.184.216.34/"));
        assertEquals(Optional.empty(), embedded.refusal("http://127.0.0.1:9000/hook"));
        assertEquals(Optional.of("webhook.url.internal"), embedded.refusal("https://10.0.0.1/"));
    }

    @Test
    void malformed_or_credential_bearing_addresses_are_refused() {
        for (String url : List.of("", "not a url", "ftp://93.184.216.34/", "https://user:pw@93.184.216.34/", "https:///x")) {
            assertEquals(Optional.of("webhook.url.invalid"), production.refusal(url), url);
        }
    }
}
