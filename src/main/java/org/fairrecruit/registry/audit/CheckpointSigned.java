package org.fairrecruit.registry.audit;

/**
 * Published synchronously, inside the checkpoint's transaction, when a checkpoint has been signed and
 * the external auditor is to receive it ({@code auditorEmail} from the checkpoint settings). The
 * notification capability mails it, so audit, which every capability writes to, depends on none of them.
 */
public record CheckpointSigned(long id, Checkpoint checkpoint, String publicKeyPem, String auditorEmail) {
}
