package org.fairrecruit.registry.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import java.util.List;
import java.util.Optional;

/** Bean-validation failures become a 400 whose {@code errors} name each field by its JSON name. */
@Singleton
@Replaces(ConstraintExceptionHandler.class)
class ConstraintViolations implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {
    private final ErrorResponseProcessor<?> errors;

    ConstraintViolations(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException exception) {
        List<io.micronaut.http.server.exceptions.response.Error> details = exception.getConstraintViolations().stream()
                .map(ConstraintViolations::error).toList();
        return errors.processResponse(ErrorContext.builder(request).cause(exception).errors(details).build(),
                HttpResponse.status(HttpStatus.BAD_REQUEST));
    }

    private static io.micronaut.http.server.exceptions.response.Error error(ConstraintViolation<?> violation) {
        String field = fieldOf(violation.getPropertyPath());
        String message = violation.getMessage();
        return new io.micronaut.http.server.exceptions.response.Error() {
            @Override
            public String getMessage() {
                return message;
            }

            @Override
            public Optional<String> getPath() {
                return Optional.of(field);
            }
        };
    }

    /** The path runs method → parameter → field…; the client only knows the part from the body inwards. */
    private static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        int index = 0;
        for (Path.Node node : path) {
            if (index++ < 2 || node.getName() == null) {
                continue;
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(node.getName());
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
        }
        return field.length() == 0 ? path.toString() : field.toString();
    }
}
