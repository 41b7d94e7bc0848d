package org.fairrecruit.registry.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class OperationsEndpointsTest {
    @Inject EmbeddedServer server;

    private WebClient web() {
        return new WebClient(server.getURI());
    }

    @Test
    void readiness_includes_the_database_and_reports_up() {
        HttpResponse<String> readiness = web().getJson("/health/readiness");

        assertEquals(200, readiness.statusCode());
        assertTrue(readiness.body().contains("\"status\":\"UP\""), readiness.body());
    }

    @Test
    void prometheus_exposes_http_metrics_to_the_scraper_only() {
        web().getHtml("/");
        HttpResponse<String> metrics = web().send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/prometheus"))
                .header("Authorization", "Bearer test-scrape-token"));
        HttpResponse<String> anonymous = web().send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/prometheus")));

        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("http_server_requests_seconds"), metrics.body().substring(0, 300));
        assertEquals(404, anonymous.statusCode());
        assertTrue(!anonymous.body().contains("http_server_requests"));
    }

    @Test
    void api_page_lists_the_operations_of_the_openapi_document() {
        HttpResponse<String> page = web().getHtml("/api");
        HttpResponse<String> document = web().getHtml("/openapi/" + ApiDocsController.DOCUMENT);

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("POST /api/v1/staff/tokens"), page.body());
        assertEquals(200, document.statusCode());
        assertTrue(document.body().startsWith("openapi: 3"));
    }

    @Test
    void every_response_carries_the_security_headers() {
        HttpResponse<String> page = web().getHtml("/");

        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("script-src 'self'"));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("frame-ancestors 'none'"));
        assertEquals("same-origin", page.headers().firstValue("Referrer-Policy").orElseThrow());
    }
}
