package org.fairrecruit.registry.audit;

/** Who did what to which entity, and why. {@code action} is a dotted verb such as "licence.granted". */
public record AuditEvent(String actor, String action, String entityType, String entityId, String reason) {
    public static AuditEvent of(String actor, String action, String entityType, Object entityId) {
        return new AuditEvent(actor, action, entityType, String.valueOf(entityId), null);
    }

    public AuditEvent because(String why) {
        return new AuditEvent(actor, action, entityType, entityId, why);
    }
}
