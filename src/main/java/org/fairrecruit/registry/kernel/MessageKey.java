package org.fairrecruit.registry.kernel;

/** A message argument that is itself translated, e.g. a status name inside a refusal. */
public record MessageKey(String key) {
}
