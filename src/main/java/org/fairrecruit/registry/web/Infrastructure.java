package org.fairrecruit.registry.web;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

import java.time.Clock;

@Factory
class Infrastructure {
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Every user-facing string lives in src/main/resources/i18n/messages*.properties. */
    @Singleton
    MessageSource messageSource() {
        return new ResourceBundleMessageSource("i18n.messages");
    }
}
