package org.fairrecruit.registry.notification;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** With no SMTP host, mail stays in the outbox (visible on the back-office outbox page). */
@ConfigurationProperties("registry.mail")
public record MailSettings(String from, String dutyOfficer, Smtp smtp) {
    @ConfigurationProperties("smtp")
    public record Smtp(String host, int port, String username, String password, boolean starttls, Duration timeout) {
        boolean configured() {
            return host != null && !host.isBlank();
        }
    }
}
