package org.fairrecruit.registry.identity;

import io.micronaut.context.annotation.ConfigurationProperties;

/** registry.api-keys.*: the rate a new key gets unless the ADMIN gives it another. */
@ConfigurationProperties("registry.api-keys")
record ApiKeySettings(int defaultRequestsPerMinute) {
}
