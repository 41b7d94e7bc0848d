package org.fairrecruit.registry.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.kernel.SupportedLanguages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the registry speaks and which one a request gets: {@code ?lang=} first, then the
 * language cookie it sets, then Accept-Language, then the first configured language.
 */
@Singleton
public class Languages {
    public static final String QUERY_PARAM = "lang";
    public static final String COOKIE = "REGISTRY_LANG";
    private final List<String> supported;

    Languages(SupportedLanguages supported) {
        this.supported = supported.all();
    }

    public List<String> supported() {
        return supported;
    }

    public Locale resolve(HttpRequest<?> request) {
        return requested(request)
                .or(() -> request.getCookies().findCookie(COOKIE).map(Cookie::getValue).flatMap(this::supportedTag))
                .or(() -> fromAcceptLanguage(request.getHeaders().get("Accept-Language")))
                .map(Locale::forLanguageTag)
                .orElse(Locale.forLanguageTag(supported.get(0)));
    }

    /** A link to this page in another language: the same address and query, only {@code lang} changed. */
    public record Link(String lang, String href, boolean current) {
    }

    public List<Link> links(HttpRequest<?> request) {
        String current = resolve(request).getLanguage();
        StringBuilder query = new StringBuilder();
        request.getParameters().forEach((name, values) -> {
            if (!QUERY_PARAM.equals(name)) {
                values.forEach(value -> query.append(encode(name)).append('=').append(encode(value)).append('&'));
            }
        });
        return supported.stream().map(lang -> new Link(lang, request.getPath() + "?" + query + QUERY_PARAM + "=" + lang,
                lang.equals(current))).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    Optional<String> requested(HttpRequest<?> request) {
        return request.getParameters().getFirst(QUERY_PARAM).flatMap(this::supportedTag);
    }

    private Optional<String> supportedTag(String tag) {
        String language = Locale.forLanguageTag(tag.strip()).getLanguage();
        // Java still maps some ISO 639 codes to legacy ones (e.g. "id" -> "in"); browsers in the
        // Philippines often send Tagalog ("tl", "tl-PH"), whose standard form Filipino is.
        String canonical = switch (language) {
            case "in" -> "id";
            case "tl" -> "fil";
            default -> language;
        };
        return supported.contains(canonical) ? Optional.of(canonical) : Optional.empty();
    }

    private Optional<String> fromAcceptLanguage(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .map(range -> supportedTag(range.getRange()))
                    .flatMap(Optional::stream)
                    .findFirst();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
