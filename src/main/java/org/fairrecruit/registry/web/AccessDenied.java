package org.fairrecruit.registry.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

import java.net.URI;

/**
 * A browser that is not signed in is sent to the sign-in page; everything else gets 401 or 403
 * (problem+json for the API, an error page for browsers).
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class AccessDenied implements ExceptionHandler<AuthorizationException, HttpResponse<?>> {
    private final ErrorResponseProcessor<?> errors;

    AccessDenied(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return errors.processResponse(ErrorContext.builder(request).cause(exception).build(),
                    HttpResponse.status(HttpStatus.FORBIDDEN));
        }
        if (ErrorResponses.wantsHtml(request)) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        return errors.processResponse(ErrorContext.builder(request).cause(exception).build(),
                HttpResponse.status(HttpStatus.UNAUTHORIZED));
    }
}
