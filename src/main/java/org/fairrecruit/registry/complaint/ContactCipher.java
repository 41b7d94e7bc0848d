package org.fairrecruit.registry.complaint;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.DatabaseMode;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seals reporters' and complainants' contact details with AES-256-GCM. Keys come from
 * {@code registry.contact-keys} ("id:base64key,..."; the first seals, all open, so a key can be
 * rotated in while older rows stay readable); they are a required secret
 * ({@code secrets.RequiredSecret.CONTACT_ENCRYPTION}): refused at start-up when missing or malformed in
 * production, generated once and kept beside the embedded database otherwise.
 * The associated data binds a sealed value to its row (e.g. "complaint:12"): a value copied to
 * another row does not open.
 */
@Singleton
public class ContactCipher {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A sealed value: the id of the key that sealed it, and nonce + ciphertext + tag. */
    public record Sealed(String keyId, byte[] bytes) {
    }

    private final Keys keys;

    ContactCipher(@Value("${registry.contact-keys}") String configured) {
        this.keys = parse(configured);
    }

    public Sealed seal(String plaintext, String associatedData) {
        Keys k = keys;
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] ciphertext = run(Cipher.ENCRYPT_MODE, k.byId().get(k.current()), nonce, associatedData,
                plaintext.getBytes(StandardCharsets.UTF_8));
        return new Sealed(k.current(), ByteBuffer.allocate(nonce.length + ciphertext.length).put(nonce).put(ciphertext).array());
    }

    /** Refuses (IllegalStateException) a value sealed with an unknown key, altered, or of another row. */
    public String open(Sealed sealed, String associatedData) {
        byte[] key = keys.byId().get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("No contact key with id " + sealed.keyId());
        }
        ByteBuffer buffer = ByteBuffer.wrap(sealed.bytes());
        byte[] nonce = new byte[NONCE_BYTES];
        buffer.get(nonce);
        byte[] ciphertext = new byte[buffer.remaining()];
        buffer.get(ciphertext);
        return new String(run(Cipher.DECRYPT_MODE, key, nonce, associatedData, ciphertext), StandardCharsets.UTF_8);
    }

    private static byte[] run(int mode, byte[] key, byte[] nonce, String associatedData, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Contact details could not be " + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened"), e);
        }
    }

    private static Keys parse(String spec) {
        Map<String, byte[]> byId = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            int colon = entry.indexOf(':');
            byte[] key = colon > 0 ? Base64.getDecoder().decode(entry.substring(colon + 1).strip()) : new byte[0];
            if (key.length != 32) {
                throw new IllegalStateException("registry.contact-keys: each entry is id:base64 of a 256-bit key");
            }
            byId.put(entry.substring(0, colon).strip(), key);
        }
        return new Keys(byId.keySet().iterator().next(), byId);
    }

    private record Keys(String current, Map<String, byte[]> byId) {
    }
}
