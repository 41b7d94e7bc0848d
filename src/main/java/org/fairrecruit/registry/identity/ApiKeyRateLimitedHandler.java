package org.fairrecruit.registry.identity;

import io.micronaut.context.MessageSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.web.Languages;

/** problem+json 429 with the Retry-After header the client should honour. */
@Singleton
class ApiKeyRateLimitedHandler implements ExceptionHandler<ApiKeyRateLimited, HttpResponse<?>> {
    private final ErrorResponseProcessor<?> errors;
    private final MessageSource messages;
    private final Languages languages;

    ApiKeyRateLimitedHandler(ErrorResponseProcessor<?> errors, MessageSource messages, Languages languages) {
        this.errors = errors;
        this.messages = messages;
        this.languages = languages;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ApiKeyRateLimited exception) {
        String text = messages.getMessage(exception.messageKey(), languages.resolve(request), exception.args())
                .orElse(exception.messageKey());
        Error error = () -> text;
        return errors.processResponse(ErrorContext.builder(request).cause(exception).error(error).build(),
                        HttpResponse.status(exception.status()))
                .header("Retry-After", Long.toString(exception.retryAfterSeconds()));
    }
}
