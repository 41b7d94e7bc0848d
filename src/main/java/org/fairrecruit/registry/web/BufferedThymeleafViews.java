package org.fairrecruit.registry.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.Writable;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Renders a page completely before the response starts. Streaming would send the status line
 * first, and a template failure half-way would then leave the connection hanging instead of
 * answering with the error page. Pages are small (the public ones stay under 100 KB).
 * <p>
 * The one place that decides what HEAD gets from a view: the controller has run (so a missing
 * record still answers 404), but Micronaut hands the view no model for HEAD, and a HEAD response
 * carries no body anyway, so nothing is rendered.
 */
@Singleton
@Replaces(ThymeleafViewsRenderer.class)
class BufferedThymeleafViews<T> extends ThymeleafViewsRenderer<T> {
    BufferedThymeleafViews(AbstractConfigurableTemplateResolver templateResolver, TemplateEngine engine,
                           ClassPathResourceLoader resourceLoader, HttpLocaleResolver localeResolver) {
        super(templateResolver, engine, resourceLoader, localeResolver);
        OgnlRecords.install();
    }

    @Override
    public Writable render(String viewName, T data, HttpRequest<?> request) {
        // A HEAD answer has no body, and Micronaut drops the controller's model for it: rendering the
        // page without its model failed with a 500.
        if (request != null && request.getMethod() == HttpMethod.HEAD) {
            return out -> { };
        }
        StringWriter html = new StringWriter();
        try {
            super.render(viewName, data, request).writeTo(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String page = html.toString();
        return out -> out.write(page);
    }
}
