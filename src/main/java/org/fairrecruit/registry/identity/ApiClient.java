package org.fairrecruit.registry.identity;

/** The holder of a valid API key, as a screening request knows it. */
public record ApiClient(long keyId, String organisation, String contactEmail) {
}
