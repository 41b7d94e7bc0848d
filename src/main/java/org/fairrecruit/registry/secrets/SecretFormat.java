package org.fairrecruit.registry.secrets;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/** What a usable value of a secret looks like, and how the embedded default makes one. */
interface SecretFormat {
    /** Why the value is not usable (said without repeating it), or empty when it is. */
    Optional<String> weakness(String value);

    String generate(SecureRandom random);

    /**
     * A shared HMAC key given as text: at least {@code minimumLength} characters (32 = 256 bits of
     * base64 or hex entropy at most) and not a repeated word such as "changeme" or "password".
     */
    static SecretFormat text(int minimumLength) {
        int minimumDistinct = 8;
        return new SecretFormat() {
            @Override
            public Optional<String> weakness(String value) {
                if (value.length() < minimumLength) {
                    return Optional.of("has " + value.length() + " characters; at least " + minimumLength + " are needed");
                }
                long distinct = value.chars().distinct().count();
                if (distinct < minimumDistinct) {
                    return Optional.of("uses only " + distinct + " different characters; a random value "
                            + "(e.g. openssl rand -base64 48) is needed");
                }
                return Optional.empty();
            }

            @Override
            public String generate(SecureRandom random) {
                byte[] bytes = new byte[48];
                random.nextBytes(bytes);
                return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            }
        };
    }
}
