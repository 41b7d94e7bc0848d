package org.fairrecruit.registry.matching;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * @param matchThreshold    score from which the registry says MATCH
 * @param possibleThreshold score from which a result is shown at all, as POSSIBLE
 * @param candidates        names fetched from the index before re-scoring; more costs latency, fewer
 *                          loses typo-heavy queries among names that share common words
 */
public record MatchingRules(double matchThreshold, double possibleThreshold, int candidates) {

    private static final MatchingRules PRODUCTION = fromApplicationYml();

    public MatchingRules {
        if (!(0 <= possibleThreshold && possibleThreshold <= matchThreshold && matchThreshold <= 1)) {
            throw new IllegalArgumentException("need 0 <= possibleThreshold <= matchThreshold <= 1");
        }
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be positive");
        }
    }

    /**
     * The service's own settings, {@code registry.matching} in application.yml, so tests and benchmarks
     * measure what production runs (a deployment may still override them, see MatchingSettings).
     */
    public static MatchingRules defaults() {
        return PRODUCTION;
    }

    @SuppressWarnings("unchecked")
    private static MatchingRules fromApplicationYml() {
        try (InputStream in = MatchingRules.class.getResourceAsStream("/application.yml")) {
            if (in == null) {
                throw new IllegalStateException("application.yml is not on the classpath");
            }
            Map<String, Object> root = new Yaml().load(in);
            Map<String, Object> matching = (Map<String, Object>) ((Map<String, Object>) root.get("registry")).get("matching");
            return new MatchingRules(((Number) matching.get("match-threshold")).doubleValue(),
                    ((Number) matching.get("possible-threshold")).doubleValue(), ((Number) matching.get("candidates")).intValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
