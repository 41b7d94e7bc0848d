package org.fairrecruit.registry.intake;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.web.RegistryException;

/** As every refusal, plus Retry-After when the client must wait. */
@Singleton
@Produces
@Requires(classes = IntakeRefusal.class)
class IntakeRefusalHandler implements ExceptionHandler<IntakeRefusal, HttpResponse<?>> {
    private final ExceptionHandler<RegistryException, HttpResponse<?>> refusals;

    IntakeRefusalHandler(ExceptionHandler<RegistryException, HttpResponse<?>> refusals) {
        this.refusals = refusals;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, IntakeRefusal refusal) {
        HttpResponse<?> response = refusals.handle(request, refusal);
        if (refusal.retryAfterSeconds() > 0 && response instanceof MutableHttpResponse<?> mutable) {
            mutable.header("Retry-After", Long.toString(refusal.retryAfterSeconds()));
        }
        return response;
    }
}
