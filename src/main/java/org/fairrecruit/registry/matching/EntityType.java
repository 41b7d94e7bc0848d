package org.fairrecruit.registry.matching;

public enum EntityType { AGENCY, PERSON }
