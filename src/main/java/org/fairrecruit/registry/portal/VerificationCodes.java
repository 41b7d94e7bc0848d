package org.fairrecruit.registry.portal;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Stateless certificate codes: the code carries what the certificate said (agency, licence number,
 * status, validity, blacklisting, time of issue) and an HMAC-SHA256 over it, so any replica, on any
 * read replica, verifies a code without a table, and nobody without the secret can make one.
 * Format: {@code base64url(v1|agency|licence|status|validUntil|blacklisted|issuedAtEpochSecond)} "."
 * {@code base64url(first 16 bytes of the HMAC)}; 128 bits are far beyond guessing.
 */
@Singleton
class VerificationCodes {
    private static final String VERSION = "v1";
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a certificate stated at the moment it was issued. */
    record Snapshot(long agencyId, @Nullable String licenceNumber, @Nullable String licenceStatus,
                    @Nullable LocalDate validUntil, boolean blacklisted, Instant issuedAt) {
    }

    private final SecretKeySpec key;

    VerificationCodes(@Property(name = "registry.certificates.secret") String secret) {
        if (secret.length() < 32) {
            throw new IllegalStateException("registry.certificates.secret must have at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String sign(Snapshot snapshot) {
        String payload = String.join("|", VERSION, Long.toString(snapshot.agencyId()), text(snapshot.licenceNumber()),
                text(snapshot.licenceStatus()), snapshot.validUntil() == null ? "" : snapshot.validUntil().toString(),
                snapshot.blacklisted() ? "1" : "0", Long.toString(snapshot.issuedAt().getEpochSecond()));
        String body = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return body + "." + ENCODER.encodeToString(mac(body));
    }

    /** The snapshot, or empty when the code was altered, truncated or not made with our secret. */
    Optional<Snapshot> verify(String code) {
        int dot = code.indexOf('.');
        if (dot <= 0 || code.length() > 300) {
            return Optional.empty();
        }
        String body = code.substring(0, dot);
        try {
            if (!MessageDigest.isEqual(mac(body), canonical(code.substring(dot + 1)))) {
                return Optional.empty();
            }
            String[] f = new String(canonical(body), StandardCharsets.UTF_8).split("\\|", -1);
            if (f.length != 7 || !VERSION.equals(f[0])) {
                return Optional.empty();
            }
            return Optional.of(new Snapshot(Long.parseLong(f[1]), blankToNull(f[2]), blankToNull(f[3]),
                    f[4].isEmpty() ? null : LocalDate.parse(f[4]), "1".equals(f[5]), Instant.ofEpochSecond(Long.parseLong(f[6]))));
        } catch (IllegalArgumentException | java.time.DateTimeException malformed) {
            return Optional.empty();
        }
    }

    /**
     * The bytes of an unpadded base64url text that is exactly how we encode them: Java's decoder
     * also takes padding and ignores the unused low bits of the last character, which would let
     * many spellings of one code verify.
     */
    private static byte[] canonical(String text) {
        byte[] bytes = DECODER.decode(text);
        if (!ENCODER.encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException("not the canonical spelling");
        }
        return bytes;
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal((VERSION + "." + body).getBytes(StandardCharsets.UTF_8)), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String text(@Nullable String value) {
        if (value != null && value.contains("|")) {
            throw new IllegalArgumentException("licence numbers and statuses never contain '|'");
        }
        return value == null ? "" : value;
    }

    @Nullable
    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
