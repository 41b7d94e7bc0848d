package org.fairrecruit.registry.approval;

import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Gives every decision form (templates/approval/statement.html) the coded public reasons and languages to offer. */
@Singleton
class StatementFormModel implements ViewModelProcessor<Map<String, Object>> {
    private static final List<String> REASONS = Arrays.stream(PublicStatement.Reason.values()).map(Enum::name).toList();

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> view) {
        view.getModel().ifPresent(model -> {
            model.put("publicReasons", REASONS);
            model.put("remarksLanguages", PublicStatement.LANGUAGES);
        });
    }
}
