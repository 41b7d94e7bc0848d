package org.fairrecruit.registry.portal;

import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import org.unbescape.html.HtmlEscape;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * This replica's rendered agency pages, so a page that goes viral is rendered once per language, not once
 * per visitor. A page is kept beside the very profile it was rendered from ({@link AgencyProfiles} hands
 * out the same kept profile until the change feed evicts it): it is served only while that profile is
 * still the kept one, so it goes exactly when the profile goes; and only while the zone's offset the
 * footer's hotline prints is still the offset now. The time of the check ("Checked on …, 17:42") is not
 * kept: the page is kept in two parts around it, and each response puts the time of its own check in.
 * Only pages that are the same for every visitor are kept (no signed-in user, no query but the language:
 * see {@code PortalPages}); what is per visitor, the CSRF cookie and the language cookie, is added by
 * filters to each response, never to the kept body. The kept bytes are bounded
 * ({@code registry.portal.page-cache-bytes}); past it, all are dropped.
 */
@Singleton
class AgencyPages {
    /** Where the render printed the time of the check: a private-use character, which no page text contains. */
    private static final String CHECKED_AT = "\uE000";

    /** A page as served: its UTF-8 bytes and a strong ETag taken from them. */
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

    /** A rendered page's UTF-8 bytes before and after the time of the check, and the digest of both. */
    private record Rendered(byte[] beforeTime, byte[] afterTime, byte[] digest) {
        static Rendered of(String html) {
            int at = html.indexOf(CHECKED_AT);
            if (at < 0 || html.indexOf(CHECKED_AT, at + 1) >= 0) {
                throw new IllegalStateException("an agency page must print the time of the check once");
            }
            byte[] before = html.substring(0, at).getBytes(StandardCharsets.UTF_8);
            byte[] after = html.substring(at + CHECKED_AT.length()).getBytes(StandardCharsets.UTF_8);
            MessageDigest digest = sha256();
            digest.update(before);
            digest.update(after);
            return new Rendered(before, after, digest.digest());
        }

        /**
         * The page checked at {@code checkedAt}, escaped as the template's {@code th:text} escapes it. Its ETag
         * covers the time too: a browser revalidating a page that shows an older time of the check gets the page
         * again, never a 304 that would keep an old "Checked on" on the screen.
         */
        Page checkedAt(String checkedAt) {
            byte[] time = HtmlEscape.escapeHtml4Xml(checkedAt).getBytes(StandardCharsets.UTF_8);
            byte[] body = Arrays.copyOf(beforeTime, beforeTime.length + time.length + afterTime.length);
            System.arraycopy(time, 0, body, beforeTime.length, time.length);
            System.arraycopy(afterTime, 0, body, beforeTime.length + time.length, afterTime.length);
            MessageDigest tag = sha256();
            tag.update(digest);
            tag.update(time);
            return new Page(body, "\"" + HexFormat.of().formatHex(tag.digest(), 0, 16) + "\"");
        }

        int size() {
            return beforeTime.length + afterTime.length;
        }
    }

    private record Kept(AgencyProfile profile, String offset, Rendered rendered) {
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

    /**
     * The page of {@code profile} in {@code language} with the zone's {@code offset} now, checked at
     * {@code checkedAt}: the kept one, else {@code render}'s, which renders the page printing the text it is
     * given as the time of the check.
     */
    Page page(AgencyProfile profile, String language, String offset, String checkedAt, UnaryOperator<String> render) {
        String key = profile.id() + "/" + language;
        Kept hit = kept.get(key);
        if (hit != null && hit.profile() == profile && hit.offset().equals(offset)) {
            return hit.rendered().checkedAt(checkedAt);
        }
        Rendered rendered = Rendered.of(render.apply(CHECKED_AT));
        if (profiles.keeps()) {
            Kept old = kept.put(key, new Kept(profile, offset, rendered));
            if (keptBytes.addAndGet(rendered.size() - (old == null ? 0 : old.rendered().size())) > capacityBytes) {
                kept.clear();
                keptBytes.set(0);
            }
        }
        return rendered.checkedAt(checkedAt);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
