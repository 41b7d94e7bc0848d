package org.fairrecruit.registry.identity;

/** What an employer's API key may do: /match, batches, watches. Re-screening (/changes) needs any scope. */
public enum ApiKeyScope { MATCH, BATCHES, WATCHES }
