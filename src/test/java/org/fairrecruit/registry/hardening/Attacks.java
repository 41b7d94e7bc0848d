package org.fairrecruit.registry.hardening;

import org.fairrecruit.registry.support.Routes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The hostile inputs, and how a route template becomes concrete request targets. */
final class Attacks {
    static final List<String> METHODS = List.of("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE", "TRACE");
    /** null: no Accept header at all. */
    static final List<String> ACCEPTS = java.util.Arrays.asList(null, "*/*", "text/html", "application/json",
            "garbage/;;;q=x", "text/html;q=0, application/json;q=0");
    static final List<String> EXTREMES = List.of("0", "-1", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "42949673", "21474837", "1e308", "NaN", "", " ", "00000000001",
            "\u0000", "\uFFFE", "..%2F..%2Fetc%2Fpasswd", "ब", "A".repeat(5000));
    static final List<String> XSS = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
            "'><svg/onload=alert(1)>", "javascript:alert(1)//<b>x</b>", "</textarea><script>alert(2)</script>",
            "<iframe srcdoc=\"<script>alert(3)</script>\">");
    static final List<String> SQL = List.of("' OR '1'='1", "'; DROP TABLE agency; --", "1' UNION SELECT password_hash FROM staff_user --",
            "\\' OR 1=1 #", "%' AND SLEEP(5) AND '%'='", "1; UPDATE agency SET legal_name='pwned'", "\") OR (\"1\"=\"1");
    static final List<String> JSON_BODIES = List.of("{", "[]", "{}", "null", "\"x\"", "{\"a\":", "[".repeat(5000),
            "{\"version\":1e999999,\"id\":-9223372036854775809}", "{\"checked\":\"yes\",\"version\":\"x\",\"name\":[1]}",
            "\u0000\u0001", "{\"name\":\"\\ud800\"}");
    static final List<String> FORM_BODIES = List.of("%%%", "a=%zz&b=%", "=&=&&==", "_csrf", "name=" + "x".repeat(100_000));
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}?/]+)}");
    private static final Pattern QUERY = Pattern.compile("\\{\\?([^}]+)}");

    private Attacks() {
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The query variables a template declares ({@code /blacklist{?q,page}} → q, page). */
    static List<String> queryVariables(String template) {
        Matcher m = QUERY.matcher(template);
        return m.find() ? List.of(m.group(1).split(",")) : List.of();
    }

    /** The path variables of a template, in order. */
    static List<String> pathVariables(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = VARIABLE.matcher(template.replaceAll("\\{\\?[^}]*}", ""));
        while (m.find()) {
            names.add(m.group(1).split(":")[0]);
        }
        return names;
    }

    /** The target with every path variable set to {@code value} (encoded) and no query. */
    static String target(Routes.Route route, String value) {
        return target(route, Map.of(), value);
    }

    static String target(Routes.Route route, Map<String, String> path, String fallback) {
        String template = route.template().replaceAll("\\{\\?[^}]*}", "");
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).split(":")[0];
            m.appendReplacement(out, Matcher.quoteReplacement(encode(path.getOrDefault(name, fallback))));
        }
        m.appendTail(out);
        return out.length() == 0 ? "/" : out.toString();
    }

    static String query(Map<String, String> params) {
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> q.append(q.length() == 0 ? "?" : "&").append(encode(k)).append('=').append(encode(v)));
        return q.toString();
    }

    static Map<String, String> headers(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put(pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }
}
