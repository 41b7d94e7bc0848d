package org.fairrecruit.registry.web;

/** A message argument that is itself translated, e.g. a status name inside a refusal. */
public record MessageKey(String key) {
}
