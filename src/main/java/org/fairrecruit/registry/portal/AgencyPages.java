package org.fairrecruit.registry.portal;

import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * This replica's rendered agency pages, so a page that goes viral is rendered once a minute per language,
 * not once per visitor. A page is kept beside the very profile it was rendered from ({@link AgencyProfiles}
 * hands out the same kept profile until the change feed evicts it): it is served only while that profile
 * is still the kept one, so it goes exactly when the profile goes; and only while the time of the check it
 * prints ("Checked on …, 17:42") is still the time now. Only pages that are the same for every visitor are
 * kept (no signed-in user, no query but the language: see {@code PortalPages}); what is per visitor, the
 * CSRF cookie and the language cookie, is added by filters to each response, never to the kept body.
 * The kept bytes are bounded ({@code registry.portal.page-cache-bytes}); past it, all are dropped.
 */
@Singleton
class AgencyPages {
    /** A rendered page: its UTF-8 bytes and a strong ETag taken from them. */
    record Page(byte[] body, String etag) {
        boolean matches(String ifNoneMatch) {
            for (String tag : ifNoneMatch.split(",")) {
                String candidate = tag.strip();
                if (candidate.equals("*") || candidate.equals(etag) || candidate.equals("W/" + etag)) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Kept(AgencyProfile profile, String checkedAt, Page page) {
    }

    private final AgencyProfiles profiles;
    private final long capacityBytes;
    private final ConcurrentHashMap<String, Kept> kept = new ConcurrentHashMap<>();
    private final AtomicLong keptBytes = new AtomicLong();

    AgencyPages(AgencyProfiles profiles,
                @Property(name = "registry.portal.page-cache-bytes", defaultValue = "33554432") long capacityBytes) {
        this.profiles = profiles;
        this.capacityBytes = capacityBytes;
    }

    /** The page of {@code profile} in {@code language} checked at {@code checkedAt}: the kept one, else {@code render}'s. */
    Page page(AgencyProfile profile, String language, String checkedAt, Supplier<String> render) {
        String key = profile.id() + "/" + language;
        Kept hit = kept.get(key);
        if (hit != null && hit.profile() == profile && hit.checkedAt().equals(checkedAt)) {
            return hit.page();
        }
        Page page = page(render.get());
        if (profiles.keeps()) {
            Kept old = kept.put(key, new Kept(profile, checkedAt, page));
            if (keptBytes.addAndGet(page.body().length - (old == null ? 0 : old.page().body().length)) > capacityBytes) {
                kept.clear();
                keptBytes.set(0);
            }
        }
        return page;
    }

    private static Page page(String html) {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new Page(body, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
