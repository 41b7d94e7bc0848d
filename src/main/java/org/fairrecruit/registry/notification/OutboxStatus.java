package org.fairrecruit.registry.notification;

/** PENDING until delivered (SENT) or given up after too many failures (PARKED, retried by hand). */
public enum OutboxStatus { PENDING, SENT, PARKED }
