package org.fairrecruit.registry.identity;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** Sign-in hardening and sessions; see application.yml for the defaults and the reasons. */
@ConfigurationProperties("registry.security")
record SecuritySettings(boolean secureCookies, boolean hsts, int maxFailedLogins, int maxFailedLoginsPerAddress,
                        Duration lockout, Duration sessionLifetime, Duration sessionCheckCache, String clientHeader) {
}
