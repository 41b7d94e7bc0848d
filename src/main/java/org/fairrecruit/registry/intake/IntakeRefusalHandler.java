package org.fairrecruit.registry.intake;

import io.micronaut.context.MessageSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.web.Languages;

/** An intake refusal as problem+json or the error page, in the reader's language, with Retry-After when the client must wait. */
@Singleton
@Produces
class IntakeRefusalHandler implements ExceptionHandler<IntakeRefusal, HttpResponse<?>> {
    private final ErrorResponseProcessor<?> errors;
    private final MessageSource messages;
    private final Languages languages;

    IntakeRefusalHandler(ErrorResponseProcessor<?> errors, MessageSource messages, Languages languages) {
        this.errors = errors;
        this.messages = messages;
        this.languages = languages;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, IntakeRefusal refusal) {
        String message = messages.getMessage(refusal.messageKey(), languages.resolve(request), refusal.args())
                .orElse(refusal.messageKey());
        MutableHttpResponse<?> response = errors.processResponse(ErrorContext.builder(request).cause(refusal)
                .errorMessage(message).build(), HttpResponse.status(refusal.status()));
        return refusal.retryAfterSeconds() > 0 ? response.header("Retry-After", Long.toString(refusal.retryAfterSeconds()))
                : response;
    }
}
