package org.fairrecruit.registry.web;

import org.fairrecruit.registry.kernel.RegistryException;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every error the framework or a handler produces ends here: RFC 9457 problem+json for API
 * clients, a friendly page in the reader's language for browsers. Never a stack trace.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
class ErrorResponses implements ErrorResponseProcessor<Object> {
    static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    private final RenderedPages pages;
    private final MessageSource messages;
    private final Languages languages;

    ErrorResponses(RenderedPages pages, MessageSource messages, Languages languages) {
        this.pages = pages;
        this.messages = messages;
        this.languages = languages;
    }

    @Override
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpRequest<?> request = context.getRequest();
        HttpStatus status = base.getStatus();
        if (wantsHtml(request)) {
            return page(context, status, base);
        }
        Map<String, Object> problem = new HashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReason());
        problem.put("status", status.getCode());
        problem.put("instance", request.getPath());
        if (status.getCode() < 500 && context.hasErrors()) {
            String generic = trustedMessages(context) ? null : messages.getMessage("error.invalidValue",
                    languages.resolve(request)).orElse("This value is missing or could not be read.");
            List<Map<String, String>> errors = context.getErrors().stream()
                    .map(error -> Map.of("field", error.getPath().orElse(""),
                            "message", generic == null ? error.getMessage() : generic))
                    .toList();
            problem.put("detail", errors.size() == 1 && errors.get(0).get("field").isEmpty()
                    ? errors.get(0).get("message") : "The request has invalid fields.");
            if (errors.stream().anyMatch(error -> !error.get("field").isEmpty())) {
                problem.put("errors", errors);
            }
        }
        return base.contentType(PROBLEM_JSON).body(problem);
    }

    private MutableHttpResponse<Object> page(ErrorContext context, HttpStatus status, MutableHttpResponse<?> base) {
        HttpRequest<?> request = context.getRequest();
        Locale locale = languages.resolve(request);
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.getCode());
        // Our own refusals (RegistryException) carry messages already in the reader's language.
        Throwable cause = context.getRootCause().orElse(null);
        if (status.getCode() < 500 && cause instanceof RegistryException) {
            model.put("details", context.getErrors().stream().map(error -> error.getMessage()).toList());
        }
        // A 409 is a concurrent edit only when it says so; any other conflict is a rule, and the page says the rule.
        String kind = status.getCode() == 409 && cause instanceof RegistryException refusal
                && !"error.conflict".equals(refusal.messageKey()) ? "409.rule" : String.valueOf(status.getCode());
        model.put("explanationKey", "error." + kind + ".explanation");
        model.put("heading", messages.getMessage("error." + kind + ".heading", locale)
                .or(() -> messages.getMessage("error.generic.heading", locale)).orElse(status.getReason()));
        model.put("lang", locale.getLanguage());
        model.put("languages", languages.supported());
        model.put("path", request.getPath());
        // The same layout model as every other page: language links, assets, the hotline.
        return base.contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .body(pages.render(request, "error/error", model));
    }

    /**
     * Our refusals and bean validation say what is wrong in the reader's language; the framework's
     * own messages (conversion failures, missing arguments) name Java types and exception texts,
     * so clients get a plain message instead, still beside the field.
     */
    private static boolean trustedMessages(ErrorContext context) {
        Object cause = context.getRootCause().orElse(null);
        return cause instanceof RegistryException || cause instanceof jakarta.validation.ConstraintViolationException;
    }

    static boolean wantsHtml(HttpRequest<?> request) {
        return ContentNegotiation.prefersHtml(request);
    }
}
