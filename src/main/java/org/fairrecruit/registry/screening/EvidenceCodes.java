package org.fairrecruit.registry.screening;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.context.annotation.Property;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The verification code printed on a batch summary, made like a certificate's: what the summary
 * states (batch, counts, SHA-256 of the results file, time) and an HMAC-SHA256 over it with the
 * certificate secret, so any replica verifies it without a table and nobody without the secret makes one.
 */
@Singleton
class EvidenceCodes {
    private static final String VERSION = "s1";
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private final SecretKeySpec key;

    @JsonInclude(JsonInclude.Include.ALWAYS)

    @Serdeable
    record Evidence(long batchId, String organisation, int names, int matches, int possibles, int noMatches,
                    String resultsSha256, Instant completedAt) {
    }

    EvidenceCodes(@Property(name = "registry.certificates.secret") String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String sign(Evidence e) {
        String payload = String.join("|", VERSION, Long.toString(e.batchId()), e.organisation().replace("|", "/"),
                Integer.toString(e.names()), Integer.toString(e.matches()), Integer.toString(e.possibles()),
                Integer.toString(e.noMatches()), e.resultsSha256(), Long.toString(e.completedAt().getEpochSecond()));
        String body = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return body + "." + ENCODER.encodeToString(mac(body));
    }

    /** What the summary stated, or empty when the code was altered or not made with our secret. */
    Optional<Evidence> verify(String code) {
        int dot = code.indexOf('.');
        if (dot <= 0 || code.length() > 600) {
            return Optional.empty();
        }
        String body = code.substring(0, dot);
        try {
            if (!MessageDigest.isEqual(mac(body), DECODER.decode(code.substring(dot + 1)))) {
                return Optional.empty();
            }
            String[] f = new String(DECODER.decode(body), StandardCharsets.UTF_8).split("\\|", -1);
            if (f.length != 9 || !VERSION.equals(f[0])) {
                return Optional.empty();
            }
            return Optional.of(new Evidence(Long.parseLong(f[1]), f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4]),
                    Integer.parseInt(f[5]), Integer.parseInt(f[6]), f[7], Instant.ofEpochSecond(Long.parseLong(f[8]))));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal((VERSION + "." + body).getBytes(StandardCharsets.UTF_8)), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
