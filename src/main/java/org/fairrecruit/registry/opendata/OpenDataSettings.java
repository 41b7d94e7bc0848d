package org.fairrecruit.registry.opendata;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * What the open data files say about themselves.
 *
 * @param publisher        the regulator that keeps the register (FollowTheMoney "authority")
 * @param publisherCountry ISO 3166-1 alpha-2 code of the regulator's country, if set
 * @param program          the name of the blacklist (FollowTheMoney "program")
 * @param feedEntries      how many of the newest changes the Atom feed carries
 * @param maxAge           how long caches may serve a file before they revalidate (cheaply, with 304)
 */
@ConfigurationProperties("registry.opendata")
record OpenDataSettings(String publisher, @Nullable String publisherCountry, String program, String dataLicence,
                        String dataLicenceUrl, int feedEntries, Duration maxAge) {
}
