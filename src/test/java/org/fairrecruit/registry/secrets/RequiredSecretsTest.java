package org.fairrecruit.registry.secrets;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySourcePropertyResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequiredSecretsTest {
    /** Nothing listens here: a start-up that got as far as the database would fail differently. */
    private static final String UNREACHABLE_DATABASE = "jdbc:mysql://127.0.0.1:9/registry";
    private static final String STRONG = "k9Qz-3vLw_Xb7TnE2rYhMd5aPc8UsGfJ";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Every secret set to a usable value of its format, but one. */
    private static Map<String, Object> productionWithEverySecretBut(RequiredSecret left, String leftValue) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", UNREACHABLE_DATABASE);
        Arrays.stream(RequiredSecret.values())
                .forEach(secret -> properties.put(secret.property(), secret.format().generate(RANDOM)));
        properties.put(left.property(), leftValue);
        return properties;
    }

    private static String refusal(Map<String, Object> properties) {
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> ApplicationContext.run(properties, "test").close());
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @ParameterizedTest
    @EnumSource(RequiredSecret.class)
    void production_start_is_refused_naming_the_missing_secret(RequiredSecret secret) {
        String refusal = refusal(productionWithEverySecretBut(secret, ""));

        assertTrue(refusal.contains("The registry will not start: " + secret.variable() + " is not set"), refusal);
        assertFalse(refusal.contains("Communications link failure"), "refused before connecting: " + refusal);
    }

    @ParameterizedTest
    @EnumSource(value = RequiredSecret.class, names = {"SESSION_SIGNING", "CERTIFICATE_SIGNING"})
    void production_start_is_refused_for_a_short_secret(RequiredSecret secret) {
        String refusal = refusal(productionWithEverySecretBut(secret, STRONG.substring(1)));

        assertTrue(refusal.contains(secret.variable() + " has 31 characters; at least 32 are needed"), refusal);
    }

    @ParameterizedTest
    @EnumSource(value = RequiredSecret.class, names = {"SESSION_SIGNING", "CERTIFICATE_SIGNING"})
    void production_start_is_refused_for_a_repeated_word_as_secret(RequiredSecret secret) {
        String refusal = refusal(productionWithEverySecretBut(secret, "changeme".repeat(5)));

        assertTrue(refusal.contains(secret.variable() + " uses only 7 different characters"), refusal);
    }

    @Test
    void every_missing_secret_is_named_at_once() {
        Map<String, Object> properties = new HashMap<>(Map.of("datasources.default.url", UNREACHABLE_DATABASE));
        Arrays.stream(RequiredSecret.values()).forEach(secret -> properties.put(secret.property(), ""));
        String refusal = refusal(properties);

        Arrays.stream(RequiredSecret.values()).forEach(secret ->
                assertTrue(refusal.contains(secret.variable() + " is not set"), refusal));
    }

    @Test
    void embedded_default_generates_each_secret_once_and_keeps_it_for_the_next_start(@TempDir Path dataFolder)
            throws Exception {
        Map<String, Object> embedded = Map.of("registry.embedded-db.directory", dataFolder.toString());

        for (RequiredSecret secret : RequiredSecret.values()) {
            String first = Secrets.value(new PropertySourcePropertyResolver(PropertySource.of(embedded)), secret);
            String afterRestart = Secrets.value(new PropertySourcePropertyResolver(PropertySource.of(embedded)), secret);

            Path kept = dataFolder.resolve("secrets").resolve(secret.variable());
            assertEquals(first, afterRestart);
            assertEquals(first, Files.readString(kept));
            assertTrue(secret.format().weakness(first).isEmpty(), "a generated value is strong");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
        }
        String session = Secrets.value(new PropertySourcePropertyResolver(PropertySource.of(embedded)),
                RequiredSecret.SESSION_SIGNING);
        assertNotEquals(session, Secrets.value(new PropertySourcePropertyResolver(PropertySource.of(embedded)),
                RequiredSecret.CERTIFICATE_SIGNING), "each secret has its own value");
    }

    @Test
    void a_configured_secret_wins_over_the_generated_one_on_the_embedded_default(@TempDir Path dataFolder) {
        Map<String, Object> embedded = Map.of("registry.embedded-db.directory", dataFolder.toString(),
                RequiredSecret.CERTIFICATE_SIGNING.property(), STRONG);

        assertEquals(STRONG, Secrets.value(new PropertySourcePropertyResolver(PropertySource.of(embedded)),
                RequiredSecret.CERTIFICATE_SIGNING));
        assertTrue(Files.notExists(dataFolder.resolve("secrets").resolve(RequiredSecret.CERTIFICATE_SIGNING.variable())));
    }
}
