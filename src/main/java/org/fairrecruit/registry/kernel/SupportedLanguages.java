package org.fairrecruit.registry.kernel;

import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;

import java.util.List;

/** The languages the registry speaks ({@code registry.languages}); the first is the default. */
@Singleton
public class SupportedLanguages {
    private final List<String> tags;

    SupportedLanguages(@Property(name = "registry.languages") List<String> tags) {
        this.tags = List.copyOf(tags);
    }

    public List<String> all() {
        return tags;
    }

    public boolean contains(String tag) {
        return tags.contains(tag);
    }

    public String defaultLanguage() {
        return tags.get(0);
    }
}
