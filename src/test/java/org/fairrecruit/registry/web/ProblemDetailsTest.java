package org.fairrecruit.registry.web;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ProblemDetailsTest {
    @Inject EmbeddedServer server;
    @Inject JsonMapper json;

    @Test
    void malformed_json_is_a_400_problem_without_internals() throws IOException {
        HttpResponse<String> response = new WebClient(server.getURI()).postJson("/api/v1/staff/tokens", "{\"username\": ");

        assertEquals(400, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        Map<?, ?> problem = json.readValue(response.body(), Map.class);
        assertEquals(400, ((Number) problem.get("status")).intValue());
        assertFalse(response.body().contains("com.fasterxml") || response.body().contains("at io."));
    }

    @Test
    void validation_error_lists_each_invalid_field() throws IOException {
        HttpResponse<String> response = new WebClient(server.getURI())
                .postJson("/api/v1/staff/tokens", "{\"username\": \"\", \"password\": \"\"}");

        assertEquals(400, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        Map<?, ?> problem = json.readValue(response.body(), Map.class);
        List<?> errors = (List<?>) problem.get("errors");
        assertEquals(List.of("password", "username"),
                errors.stream().map(e -> ((Map<?, ?>) e).get("field")).sorted().toList(), response.body());
        assertTrue(errors.stream().allMatch(e -> !((Map<?, ?>) e).get("message").toString().isBlank()));
    }

    @Test
    void unknown_page_is_a_friendly_404_page() {
        HttpResponse<String> response = new WebClient(server.getURI()).getHtml("/no-such-page?lang=ne");

        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("पृष्ठ भेटिएन"), response.body());
        assertTrue(response.body().contains("lang=\"ne\""));
    }
}
