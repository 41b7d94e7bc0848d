package org.fairrecruit.registry.secrets;

import java.util.Locale;

/**
 * Every secret the service needs, declared once: the environment variable that sets it and what a
 * usable value looks like. Configuration reads one as {@code ${required-secret.<VARIABLE>}}. With an
 * external database (production) a missing or weak value stops start-up, naming the variable; on the
 * embedded database a value is generated once and kept under the data folder.
 */
public enum RequiredSecret {
    /** HMAC key of session and bearer tokens (micronaut.security.token.jwt...secret). */
    SESSION_SIGNING("REGISTRY_JWT_SECRET", SecretFormat.text(32)),
    /** HMAC key of certificate verification codes (registry.certificates.secret). */
    CERTIFICATE_SIGNING("REGISTRY_CERTIFICATE_SECRET", SecretFormat.text(32));

    private final String variable;
    private final SecretFormat format;

    RequiredSecret(String variable, SecretFormat format) {
        this.variable = variable;
        this.format = format;
    }

    public String variable() {
        return variable;
    }

    SecretFormat format() {
        return format;
    }

    /** The property Micronaut derives from the variable (REGISTRY_JWT_SECRET → registry.jwt.secret). */
    String property() {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    static RequiredSecret byVariable(String variable) {
        for (RequiredSecret secret : values()) {
            if (secret.variable.equals(variable)) {
                return secret;
            }
        }
        throw new IllegalArgumentException("No required secret is declared for " + variable);
    }
}
