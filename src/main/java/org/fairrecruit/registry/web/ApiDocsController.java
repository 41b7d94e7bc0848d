package org.fairrecruit.registry.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A readable, script-free index of the OpenAPI document generated at build time, linking to the
 * document itself for tools.
 */
@Controller("/api")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
class ApiDocsController {
    static final String DOCUMENT = "recruitment-agency-registry-1.yml";
    private final List<Operation> operations = load();

    @Get
    @View("web/api")
    Map<String, Object> index() {
        return new java.util.HashMap<>(Map.of("operations", operations, "document", "/openapi/" + DOCUMENT));
    }

    @SuppressWarnings("unchecked")
    private static List<Operation> load() {
        try (InputStream in = ApiDocsController.class.getResourceAsStream("/META-INF/swagger/" + DOCUMENT)) {
            Map<String, Object> spec = new Yaml().load(in);
            List<Operation> result = new ArrayList<>();
            ((Map<String, Map<String, Map<String, Object>>>) spec.get("paths")).forEach((path, methods) ->
                    methods.forEach((method, op) -> result.add(new Operation(method.toUpperCase(), path,
                            String.valueOf(op.getOrDefault("summary", "")),
                            String.join(", ", (List<String>) op.getOrDefault("tags", List.of()))))));
            return List.copyOf(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Operation(String method, String path, String summary, String tag) {
    }
}
