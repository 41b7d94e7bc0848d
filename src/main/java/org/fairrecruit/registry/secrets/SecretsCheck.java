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
@Order(Ordered.HIGHEST_PRECEDENCE)
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
        Arrays.stream(RequiredSecret.values()).forEach(secret -> Secrets.value(config, secret));
        LOG.info("Secrets {} {}", Arrays.stream(RequiredSecret.values()).map(RequiredSecret::variable).toList(),
                Secrets.production(config) ? "configured" : "configured or kept under the embedded data folder");
    }
}
