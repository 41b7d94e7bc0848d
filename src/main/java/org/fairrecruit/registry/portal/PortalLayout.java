package org.fairrecruit.registry.portal;

import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.web.Languages;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** The hotline in every page's footer, in the reader's language. */
@Singleton
class PortalLayout implements ViewModelProcessor<Map<String, Object>> {
    private final PortalSettings settings;
    private final Verdicts verdicts;
    private final Languages languages;
    private final Clock clock;

    PortalLayout(PortalSettings settings, Verdicts verdicts, Languages languages, Clock clock) {
        this.settings = settings;
        this.verdicts = verdicts;
        this.languages = languages;
        this.clock = clock;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> view) {
        view.getModel().ifPresent(model -> model.putIfAbsent("hotline",
                settings.hotline(languages.resolve(request), verdicts.offset(Instant.now(clock)))));
    }
}
