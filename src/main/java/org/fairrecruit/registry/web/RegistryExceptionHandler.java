package org.fairrecruit.registry.web;

import org.fairrecruit.registry.kernel.MessageKey;

import org.fairrecruit.registry.kernel.InvalidInput;

import org.fairrecruit.registry.kernel.RegistryException;

import io.micronaut.context.MessageSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns a {@link RegistryException} into its status with messages in the reader's language. */
@Singleton
class RegistryExceptionHandler implements ExceptionHandler<RegistryException, HttpResponse<?>> {
    private final ErrorResponseProcessor<?> errors;
    private final MessageSource messages;
    private final Languages languages;

    RegistryExceptionHandler(ErrorResponseProcessor<?> errors, MessageSource messages, Languages languages) {
        this.errors = errors;
        this.messages = messages;
        this.languages = languages;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, RegistryException exception) {
        Locale locale = languages.resolve(request);
        List<Error> details = exception instanceof InvalidInput invalid
                ? invalid.errors().stream()
                    .map(e -> error(e.field(), message(e.messageKey(), locale, e.args())))
                    .toList()
                : List.of(error(null, message(exception.messageKey(), locale, exception.args())));
        return errors.processResponse(ErrorContext.builder(request).cause(exception).errors(details).build(),
                HttpResponse.status(exception.status()));
    }

    private String message(String key, Locale locale, Object[] args) {
        Object[] resolved = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            resolved[i] = args[i] instanceof MessageKey nested ? message(nested.key(), locale, new Object[0]) : args[i];
        }
        return messages.getMessage(key, locale, resolved).orElse(key);
    }

    private static Error error(String field, String message) {
        return new Error() {
            @Override
            public String getMessage() {
                return message;
            }

            @Override
            public Optional<String> getPath() {
                return Optional.ofNullable(field);
            }
        };
    }
}
