package org.fairrecruit.registry.complaint;

/** What a complaint is about. */
public enum Category {
    PROHIBITED_FEES, CONTRACT_SUBSTITUTION, DOCUMENT_RETENTION, DECEPTION, ILLEGAL_RECRUITMENT, ABUSE, OTHER
}
