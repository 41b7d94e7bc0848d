package org.fairrecruit.registry.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsModelDecorator;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** A page rendered to text outside the view filter (an error page, a kept page), with the layout model every page gets. */
@Singleton
public class RenderedPages {
    private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> views;
    private final ViewsModelDecorator layout;

    RenderedPages(ViewsRenderer<Map<String, Object>, HttpRequest<?>> views, ViewsModelDecorator layout) {
        this.views = views;
        this.layout = layout;
    }

    /** The view with this model, as the view filter would render it for this request; adds the layout's entries to the model. */
    public String render(HttpRequest<?> request, String view, Map<String, Object> model) {
        layout.decorate(request, new ModelAndView<>(view, model));
        StringWriter html = new StringWriter();
        try {
            views.render(view, model, request).writeTo(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return html.toString();
    }
}
