package org.fairrecruit.registry.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.CompositeHttpLocaleResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;

/** Makes views, messages and {@code Locale} parameters follow {@link Languages}. */
@Singleton
@Primary
@Replaces(CompositeHttpLocaleResolver.class)
class LanguageResolver implements HttpLocaleResolver {
    private final Languages languages;

    LanguageResolver(Languages languages) {
        this.languages = languages;
    }

    @Override
    public Optional<Locale> resolve(HttpRequest<?> request) {
        return Optional.of(languages.resolve(request));
    }

    @Override
    public Locale resolveOrDefault(HttpRequest<?> request) {
        return languages.resolve(request);
    }
}
