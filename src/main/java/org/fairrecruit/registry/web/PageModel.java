package org.fairrecruit.registry.web;

import org.fairrecruit.registry.kernel.WorkCounts;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What every page's layout needs: CSRF token, language, links to the page in each language, assets, the signed-in user and what waits for them. */
@Singleton
class PageModel implements ViewModelProcessor<Map<String, Object>> {
    private final Languages languages;
    private final Assets assets;
    private final List<WorkCounts> workCounts;
    private final Times times;

    PageModel(Languages languages, Assets assets, List<WorkCounts> workCounts, Times times) {
        this.languages = languages;
        this.assets = assets;
        this.workCounts = workCounts;
        this.times = times;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> view) {
        view.getModel().ifPresent(model -> {
            request.getAttribute(CsrfProtection.ATTRIBUTE, String.class).ifPresent(token -> model.put("csrf", token));
            model.put("lang", languages.resolve(request).getLanguage());
            model.put("languages", languages.supported());
            model.put("path", request.getPath());
            model.put("languageLinks", languages.links(request));
            model.put("assets", assets);
            model.put("times", times);
            request.getUserPrincipal(Authentication.class).ifPresent(user -> {
                model.put("user", user);
                Map<String, Long> counts = new HashMap<>();
                workCounts.forEach(source -> counts.putAll(source.of(user)));
                model.put("workCounts", counts);
            });
        });
    }
}
