package org.fairrecruit.registry.notification;

/** A rendered e-mail: subject, plain text, and HTML alternative. */
public record ComposedMail(String subject, String text, String html) {
}
