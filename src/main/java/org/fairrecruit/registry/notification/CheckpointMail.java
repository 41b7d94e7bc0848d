package org.fairrecruit.registry.notification;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.audit.CheckpointSigned;

import java.util.Locale;
import java.util.Map;

/** Queues each signed audit checkpoint for the external auditor, in the checkpoint's transaction. */
@Singleton
class CheckpointMail {
    private final Outbox outbox;
    private final MailComposer mail;

    CheckpointMail(Outbox outbox, MailComposer mail) {
        this.outbox = outbox;
        this.mail = mail;
    }

    @EventListener
    void on(CheckpointSigned signed) {
        outbox.enqueueEmail(signed.auditorEmail(), "audit-checkpoint-" + signed.id(), mail.compose("audit-checkpoint",
                Locale.ENGLISH, Map.of("checkpoint", signed.checkpoint(), "publicKey", signed.publicKeyPem())));
    }
}
