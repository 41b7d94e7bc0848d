package org.fairrecruit.registry.bulkimport;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * @param pollInterval how often each replica looks for a queued import
 * @param maxRows      the largest file accepted, in data rows
 */
@ConfigurationProperties("registry.imports")
record ImportSettings(Duration pollInterval, int maxRows) {
}
