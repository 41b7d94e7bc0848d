package org.fairrecruit.registry.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.views.View;
import jakarta.inject.Inject;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@Property(name = "spec.name", value = "BrokenTemplateTest")
class BrokenTemplateTest {
    @Inject EmbeddedServer server;

    @Test
    void a_failing_template_answers_with_the_error_page_instead_of_hanging() {
        HttpResponse<String> response = new WebClient(server.getURI()).send(java.net.http.HttpRequest
                .newBuilder(server.getURI().resolve("/test/broken")).header("Accept", "text/html")
                .timeout(java.time.Duration.ofSeconds(10)));

        assertEquals(500, response.statusCode());
        assertTrue(response.body().contains("Something went wrong on our side"), response.body());
        assertFalse(response.body().contains("missing.property"));
    }

    @Requires(property = "spec.name", value = "BrokenTemplateTest")
    @Controller("/test")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Produces(MediaType.TEXT_HTML)
    static class BrokenPage {
        @Get("/broken")
        @View("test/broken")
        Map<String, Object> broken() {
            return new HashMap<>();
        }
    }
}
