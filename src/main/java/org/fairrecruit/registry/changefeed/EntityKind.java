package org.fairrecruit.registry.changefeed;

/** The kinds of public record whose changes other capabilities follow. */
public enum EntityKind { AGENCY, BLACKLIST_ENTRY, UNLICENSED_RECRUITER }
