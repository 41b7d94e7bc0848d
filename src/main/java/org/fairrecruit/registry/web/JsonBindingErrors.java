package org.fairrecruit.registry.web;

import org.fairrecruit.registry.kernel.InvalidInput;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request value that could not be bound: a JSON body with a required field missing, null or of
 * the wrong type (strict binding, application.yml), or a query or path value of the wrong type.
 * Answered as our own field error, naming the JSON property (or the parameter), in the reader's
 * language, instead of the framework's text with Java type names in it.
 */
@Singleton
@Replaces(ConversionErrorHandler.class)
class JsonBindingErrors implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(JsonBindingErrors.class);
    // Serde names the property in brackets, after its Java type: "[boolean checked]", "[checked]".
    private static final Pattern MISSING = Pattern.compile("(?:parameter|property) \\[(?:[^\\]\\s]+ )?(\\w+)][^\\n]*(?:not present|is null|null)");
    private static final Pattern PROPERTY = Pattern.compile("(?:parameter|property|field) \\[(?:[^\\]\\s]+ )?(\\w+)]");
    private final RegistryExceptionHandler registryErrors;

    JsonBindingErrors(RegistryExceptionHandler registryErrors) {
        this.registryErrors = registryErrors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConversionErrorException exception) {
        String text = messages(exception);
        LOG.debug("Unbindable {} of {} {}: {}", exception.getArgument().getName(), request.getMethod(), request.getPath(), text);
        Matcher missing = MISSING.matcher(text);
        Matcher property = PROPERTY.matcher(text);
        InvalidInput.FieldError error = missing.find()
                ? new InvalidInput.FieldError(missing.group(1), "field.json.missing")
                : new InvalidInput.FieldError(property.find() ? property.group(1) : exception.getArgument().getName(), "field.json.type");
        return registryErrors.handle(request, new InvalidInput(List.of(error)));
    }

    private static String messages(@Nullable Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
