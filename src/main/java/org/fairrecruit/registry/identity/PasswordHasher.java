package org.fairrecruit.registry.identity;

import com.password4j.Password;
import jakarta.inject.Singleton;

/** Argon2id (parameters in psw4j.properties). */
@Singleton
class PasswordHasher {
    // Verified against when the username is unknown, so a miss costs as much time as a hit.
    private final String decoy = hash("decoy-password-for-constant-time");

    String hash(String password) {
        return Password.hash(password).addRandomSalt().withArgon2().getResult();
    }

    boolean matches(String password, String hash) {
        return Password.check(password, hash).withArgon2();
    }

    /** Always false, after as long as a real check takes. */
    boolean burnEquivalentTime(String password) {
        matches(password, decoy);
        return false;
    }
}
