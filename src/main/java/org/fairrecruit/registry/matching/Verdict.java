package org.fairrecruit.registry.matching;

/** MATCH: confident the query names that entity. POSSIBLE: similar enough that a person should look. */
public enum Verdict { MATCH, POSSIBLE }
