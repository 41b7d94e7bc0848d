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
 * rotated in while older rows stay readable). On the embedded database without configured keys, one
 * key is generated once and kept next to the database files, so a restart still opens old rows.
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

    private final String configured;
    private final Path embeddedDirectory;
    private final DatabaseMode mode;
    private volatile Keys keys;

    ContactCipher(@Value("${registry.contact-keys:}") String configured,
                  @Value("${registry.embedded-db.directory:data/mariadb}") String embeddedDirectory, DatabaseMode mode) {
        this.configured = configured;
        this.embeddedDirectory = Path.of(embeddedDirectory);
        this.mode = mode;
    }

    public Sealed seal(String plaintext, String associatedData) {
        Keys k = keys();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] ciphertext = run(Cipher.ENCRYPT_MODE, k.byId().get(k.current()), nonce, associatedData,
                plaintext.getBytes(StandardCharsets.UTF_8));
        return new Sealed(k.current(), ByteBuffer.allocate(nonce.length + ciphertext.length).put(nonce).put(ciphertext).array());
    }

    /** Refuses (IllegalStateException) a value sealed with an unknown key, altered, or of another row. */
    public String open(Sealed sealed, String associatedData) {
        byte[] key = keys().byId().get(sealed.keyId());
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

    // Resolved on first use: whether the database is the embedded one is known only once the datasource exists.
    private Keys keys() {
        Keys k = keys;
        if (k == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = load();
                }
                k = keys;
            }
        }
        return k;
    }

    private Keys load() {
        String spec = configured == null || configured.isBlank() ? embeddedKey() : configured;
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

    private String embeddedKey() {
        if (!mode.embedded()) {
            throw new IllegalStateException("Set registry.contact-keys (REGISTRY_CONTACT_KEYS) to seal contact details");
        }
        Path file = embeddedDirectory.toAbsolutePath().normalize().resolve("contact-keys");
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                RANDOM.nextBytes(key);
                Files.createDirectories(file.getParent());
                Path temporary = Files.createTempFile(file.getParent(), "contact-keys", ".tmp");
                Files.writeString(temporary, "embedded-1:" + Base64.getEncoder().encodeToString(key));
                try {
                    // A hard link never replaces a key another process wrote first: rows sealed with it must stay readable.
                    Files.createLink(file, temporary);
                } catch (FileAlreadyExistsException e) {
                    // the other process's key is the one
                } finally {
                    Files.delete(temporary);
                }
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Keys(String current, Map<String, byte[]> byId) {
    }
}
