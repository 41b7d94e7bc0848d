package org.fairrecruit.registry.notification;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.DatabaseMode;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses webhook addresses that would make the registry call into its own network (server-side
 * request forgery): any URL whose host resolves to a loopback, private, link-local, wildcard,
 * multicast or unique-local address. Checked when a URL is given and again before every delivery,
 * since DNS may change. Only https, except plain http to loopback where loopback is allowed
 * (tests, and the embedded default, whose receivers run on the same machine).
 */
@Singleton
public class WebhookAddresses {
    private final boolean allowLoopback;

    @Inject
    WebhookAddresses(WebhookSettings settings, DatabaseMode mode) {
        this(settings.allowLoopback() || mode.embedded());
    }

    WebhookAddresses(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    /** Why the URL is refused (a message key), or empty when the registry may call it. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException malformed) {
            return Optional.of("webhook.url.invalid");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawUserInfo() != null || !(scheme.equals("https") || scheme.equals("http"))
                || url.length() > 1000) {
            return Optional.of("webhook.url.invalid");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException unknown) {
            return Optional.of("webhook.url.unresolvable");
        }
        boolean allLoopback = true;
        for (InetAddress address : addresses) {
            boolean loopback = address.isLoopbackAddress();
            allLoopback &= loopback;
            if (loopback ? !allowLoopback : internal(address)) {
                return Optional.of("webhook.url.internal");
            }
        }
        if (scheme.equals("http") && !allLoopback) {
            return Optional.of("webhook.url.https");
        }
        return Optional.empty();
    }

    private static boolean internal(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        boolean carrierNat = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        return address.isSiteLocalAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
                || address.isMulticastAddress() || uniqueLocal || carrierNat;
    }
}
