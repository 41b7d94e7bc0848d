package org.fairrecruit.registry.hardening;

import org.fairrecruit.registry.support.RawHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Counts what a hostile run tried, per class of attack, and keeps every answer that broke a rule:
 * a 5xx, or a stack trace or exception class name in the body. The figures go to
 * target/attack-results/NAME.properties, from which HARDENING-RESULTS.md is written.
 */
final class AttackLedger {
    // A Java frame or a qualified class name of ours or of the frameworks, or an exception's simple name.
    private static final Pattern LEAK = Pattern.compile(
            "\\n\\s*at [\\w$.]+\\(|\\b(java|javax|jakarta|io\\.micronaut|org\\.(thymeleaf|fairrecruit|flywaydb|apache|mariadb)"
                    + "|com\\.(mysql|fasterxml|zaxxer))\\.[\\w$]+\\.[\\w$.]+|\\b\\w+(Exception|Error)\\b(?![\"-])");
    private final String name;
    private final Map<String, Integer> tried = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int serverErrors;

    AttackLedger(String name) {
        this.name = name;
    }

    /** Records one answer of class {@code kind}; {@code what} says what was sent, for the failure list. */
    synchronized void check(String kind, String what, RawHttp.Response response) {
        tried.merge(kind, 1, Integer::sum);
        if (response.status() >= 500) {
            serverErrors++;
            fail(what, response, "status " + response.status());
        } else if (LEAK.matcher(response.body()).find()) {
            fail(what, response, "leaks '" + leak(response.body()) + "'");
        }
    }

    synchronized void fail(String what, RawHttp.Response response, String why) {
        if (failures.size() < 2_000) {
            failures.add(why + " <- " + what + " :: " + excerpt(response.body()));
        }
    }

    synchronized void fail(String what, String why) {
        if (failures.size() < 2_000) {
            failures.add(why + " <- " + what);
        }
    }

    synchronized int total() {
        return tried.values().stream().mapToInt(Integer::intValue).sum();
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    /** Failures recorded after the first {@code from} (each test checks only its own). */
    synchronized List<String> failuresSince(int from) {
        return List.copyOf(failures.subList(Math.min(from, failures.size()), failures.size()));
    }

    synchronized int failureCount() {
        return failures.size();
    }

    /** Writes the figures and returns the failures (empty when the run was clean). */
    synchronized List<String> finish(Map<String, ?> extraFigures) {
        StringBuilder out = new StringBuilder("# ").append(name).append('\n');
        tried.forEach((kind, count) -> out.append("requests.").append(kind).append('=').append(count).append('\n'));
        out.append("requests.total=").append(total()).append('\n');
        out.append("responses.5xx=").append(serverErrors).append('\n');
        out.append("failures=").append(failures.size()).append('\n');
        extraFigures.forEach((key, value) -> out.append(key).append('=').append(value).append('\n'));
        write(name, out.toString());
        return failures();
    }

    /** Figures of a run that is not a stream of checked answers (fault injection). */
    static void figures(String name, Map<String, ?> figures) {
        StringBuilder out = new StringBuilder("# ").append(name).append('\n');
        figures.forEach((key, value) -> out.append(key).append('=').append(value).append('\n'));
        write(name, out.toString());
    }

    private static void write(String name, String text) {
        try {
            Path dir = Path.of("target", "attack-results");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".properties"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(text);
    }

    private static String leak(String body) {
        var m = LEAK.matcher(body);
        return m.find() ? m.group() : "";
    }

    private static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.substring(0, Math.min(240, flat.length()));
    }
}
