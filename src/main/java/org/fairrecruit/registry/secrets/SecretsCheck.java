package org.fairrecruit.registry.secrets;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Refuses to start with a missing or weak secret, before anything connects to the database, and
 * names every such variable at once; beans that read a secret lazily would otherwise fail later, or
 * only on the first request that needs it.
 */
@Context
// Right after database.EmbeddedDatabasePresence, which says first when a production build lacks a database URL.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
final class SecretsCheck {
    private static final Logger LOG = LoggerFactory.getLogger(SecretsCheck.class);

    SecretsCheck(Environment config) {
        List<String> problems = Arrays.stream(RequiredSecret.values())
                .map(secret -> Secrets.problem(config, secret))
                .flatMap(Optional::stream)
                .toList();
        if (!problems.isEmpty()) {
            throw new ConfigurationException("The registry will not start: " + String.join("; ", problems));
        }
        // Generates the embedded default's values now, so a data folder that cannot keep them stops start-up too.
        Arrays.stream(RequiredSecret.values()).forEach(secret -> Secrets.value(config, secret));
        LOG.info("Secrets checked: {}", Arrays.stream(RequiredSecret.values()).map(RequiredSecret::variable).toList());
    }
}
