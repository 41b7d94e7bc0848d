package org.fairrecruit.registry.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for tests: keeps cookies, does not follow redirects, and sends the
 * CSRF token of the last page it read with every form, as the pages' hidden field would (before
 * sign-in the token is also in a cookie; with a session it is only on the pages).
 */
public final class WebClient {
    private static final Pattern PAGE_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String pageToken;

    public WebClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    public HttpResponse<String> getHtml(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/html").GET());
    }

    public HttpResponse<String> getJson(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json").GET());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        csrfToken().ifPresent(token -> withToken.putIfAbsent("_csrf", token));
        return postFormExactly(path, withToken);
    }

    public HttpResponse<String> postFormExactly(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
        Matcher token = PAGE_TOKEN.matcher(response.body());
        if (token.find()) {
            pageToken = token.group(1);
        }
        return response;
    }

    /** With this client's cookies, for bodies that are not text (PDF). */
    public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs in through the real form (fetching it first, as a browser would, for the CSRF cookie). */
    public WebClient signIn(String username, String password) {
        getHtml("/login");
        HttpResponse<String> response = postForm("/login", Map.of("username", username, "password", password));
        if (response.statusCode() != 303) {
            throw new IllegalStateException("sign-in as " + username + " failed: " + response.statusCode());
        }
        pageToken = null;
        getHtml("/staff");
        return this;
    }

    public java.util.Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    public java.util.Optional<String> csrfToken() {
        return java.util.Optional.ofNullable(pageToken).or(() -> cookie("REGISTRY_CSRF"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
