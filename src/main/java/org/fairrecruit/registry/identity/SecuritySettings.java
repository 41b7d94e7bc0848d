package org.fairrecruit.registry.identity;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** Login hardening; see application.yml for the defaults and the reasons. */
@ConfigurationProperties("registry.security")
record SecuritySettings(boolean secureCookies, boolean hsts, int maxFailedLogins, Duration lockout) {
}
