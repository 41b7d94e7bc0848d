package org.fairrecruit.registry.audit;

import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.DatabaseMode;
import org.fairrecruit.registry.kernel.RegistryException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The checkpoint signing key (Ed25519, the JDK's own EdDSA). From configuration in production; for the
 * embedded default (demo, tests) generated once and kept beside the embedded database's files. An
 * external database without a configured key cannot checkpoint, and says so.
 */
@Singleton
public class CheckpointKeys {
    private static final String ALGORITHM = "Ed25519";
    private final CheckpointSettings settings;
    private final DatabaseMode mode;
    private final Path embeddedKeyDirectory;
    private volatile KeyPair pair;

    CheckpointKeys(CheckpointSettings settings, DatabaseMode mode,
                   @Property(name = "registry.embedded-db.directory", defaultValue = "data/mariadb") String embeddedDirectory) {
        this.settings = settings;
        this.mode = mode;
        this.embeddedKeyDirectory = Path.of(embeddedDirectory).toAbsolutePath().normalize().resolveSibling("audit-signing-key");
    }

    String keyId() {
        return settings.keyId();
    }

    /** The signing key pair, or a refusal naming the settings to set. */
    KeyPair pair() {
        KeyPair known = pair;
        if (known == null) {
            synchronized (this) {
                if (pair == null) {
                    pair = load().orElseThrow(() -> new RegistryException.Conflict("audit.checkpoint.noKey"));
                }
                known = pair;
            }
        }
        return known;
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", pair().getPublic().getEncoded());
    }

    String sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(pair().getPrivate());
            signer.update(message);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Public keys by key id that this replica trusts: the current one and those of earlier ids. */
    Map<String, PublicKey> trusted() {
        Map<String, PublicKey> keys = new HashMap<>();
        if (settings.previousVerifyKeys() != null) {
            settings.previousVerifyKeys().forEach((id, text) -> keys.put(id, publicKey(text)));
        }
        keys.put(settings.keyId(), pair().getPublic());
        return keys;
    }

    static boolean verifies(PublicKey key, byte[] message, String signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static PublicKey publicKey(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key in PEM", e);
        }
    }

    private Optional<KeyPair> load() {
        if (settings.signingKey() != null && !settings.signingKey().isBlank()) {
            return Optional.of(fromPem(settings.signingKey(), settings.verifyKey()));
        }
        if (!mode.embedded()) {
            return Optional.empty();
        }
        try {
            Path privateFile = embeddedKeyDirectory.resolve("signing-key.pem");
            Path publicFile = embeddedKeyDirectory.resolve("verify-key.pem");
            if (!Files.exists(privateFile)) {
                KeyPair generated = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
                Files.createDirectories(embeddedKeyDirectory);
                Files.writeString(publicFile, pem("PUBLIC KEY", generated.getPublic().getEncoded()));
                Files.writeString(privateFile, pem("PRIVATE KEY", generated.getPrivate().getEncoded()));
            }
            return Optional.of(fromPem(Files.readString(privateFile), Files.readString(publicFile)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refuses a pair whose halves do not belong together, rather than publishing unverifiable checkpoints. */
    private static KeyPair fromPem(String privatePem, String publicPem) {
        if (publicPem == null || publicPem.isBlank()) {
            throw new IllegalStateException("registry.audit.checkpoints.verify-key is required with signing-key");
        }
        try {
            PrivateKey privateKey = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(privatePem)));
            PublicKey publicKey = publicKey(publicPem);
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(new byte[]{1});
            if (!verifies(publicKey, new byte[]{1}, Base64.getEncoder().encodeToString(signer.sign()))) {
                throw new IllegalStateException("the audit checkpoint signing and verify keys are not one pair");
            }
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("registry.audit.checkpoints.signing-key is not an Ed25519 PKCS#8 PEM key", e);
        }
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
