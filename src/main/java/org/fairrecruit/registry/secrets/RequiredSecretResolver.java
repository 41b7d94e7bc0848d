package org.fairrecruit.registry.secrets;

import io.micronaut.context.env.PropertyExpressionResolver;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.value.PropertyResolver;

import java.util.Optional;

/**
 * Resolves {@code ${required-secret.REGISTRY_JWT_SECRET}} in configuration to the secret's value
 * (loaded through META-INF/services, before any bean exists).
 */
public final class RequiredSecretResolver implements PropertyExpressionResolver {
    static final String PREFIX = "required-secret.";

    @Override
    public <T> Optional<T> resolve(PropertyResolver config, ConversionService conversion, String expression,
                                   Class<T> requiredType) {
        if (!expression.startsWith(PREFIX)) {
            return Optional.empty();
        }
        RequiredSecret secret = RequiredSecret.byVariable(expression.substring(PREFIX.length()));
        return conversion.convert(Secrets.value(config, secret), requiredType);
    }
}
