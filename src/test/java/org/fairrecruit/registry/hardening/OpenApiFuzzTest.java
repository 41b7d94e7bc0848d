package org.fairrecruit.registry.hardening;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.RawHttp;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.StaffFixtures;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bounded random fuzzer over the service's own OpenAPI document: for each request it picks an
 * operation, fills its path and query parameters and its JSON body from the declared schemas, and
 * then mutates them (wrong types, missing and extra fields, extremes, odd text), sent anonymously,
 * with a bearer token of a random role, or with a broken token. No answer may be a 5xx or leak a
 * stack trace or class name. The seed is printed, and {@code -Dregistry.fuzz.seed=} replays a run;
 * {@code -Dregistry.fuzz.requests=} sets its length (3,000 by default, 30,000 in the long run).
 */
@MicronautTest(transactional = false)
class OpenApiFuzzTest {
    private static final List<String> STRINGS = List.of("", " ", "x", "RA-2024-0001", "Global Manpower", "राम थापा", "NP",
            "2025-01-01", "9999-99-99", "true", "-1", "1e309", "<script>alert(1)</script>", "' OR 1=1 --", "\u0000",
            "\uD83D\uDE00", "A".repeat(3000), "../../etc/passwd", "%00", "{\"a\":1}", "null");

    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject RegisterFixtures register;

    @Test
    void thousands_of_random_requests_from_the_openapi_document_get_no_server_error() throws Exception {
        long seed = Long.getLong("registry.fuzz.seed", System.nanoTime());
        int requests = Integer.getInteger("registry.fuzz.requests", 3_000);
        System.out.println("OpenApiFuzzTest seed " + seed + " (replay with -Dregistry.fuzz.seed=" + seed + "), " + requests + " requests");
        Random random = new Random(seed);

        long agency = register.agency("Fuzz Target Recruiters").id();
        register.activeLicence(agency);
        List<String> tokens = new ArrayList<>();
        for (String role : Roles.ALL) {
            tokens.add(ApiTokens.issue(server, staff.userWithRole(role)));
        }
        Map<String, Object> document;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/swagger/recruitment-agency-registry-1.yml")) {
            document = new Yaml().load(in);
        }
        List<Operation> operations = operations(document);
        assertTrue(operations.size() > 20, "operations: " + operations.size());

        AttackLedger ledger = new AttackLedger("openapi-fuzz");
        RawHttp raw = new RawHttp(server.getURI());
        Fuzz fuzz = new Fuzz(random, document, agency);
        for (int i = 0; i < requests; i++) {
            Operation op = operations.get(random.nextInt(operations.size()));
            String target = fuzz.target(op);
            Map<String, String> headers = new LinkedHashMap<>();
            int who = random.nextInt(10);
            if (who < 6) {
                headers.put("Authorization", "Bearer " + tokens.get(random.nextInt(tokens.size())));
            } else if (who == 6) {
                headers.put("Authorization", "Bearer " + fuzz.string());
            }
            headers.put("Accept", random.nextInt(5) == 0 ? "text/html" : "application/json");
            byte[] body = new byte[0];
            if (op.body() != null || random.nextInt(8) == 0) {
                headers.put("Content-Type", random.nextInt(12) == 0 ? "text/plain" : "application/json");
                body = fuzz.json(op.body()).getBytes(StandardCharsets.UTF_8);
            }
            RawHttp.Response response = raw.request(op.method(), target, headers, body);
            ledger.check(op.method() + " " + op.path(), "seed " + seed + " #" + i + " " + op.method() + " " + target + " "
                    + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8), response);
        }
        List<String> failures = ledger.finish(Map.of("seed", seed, "operations", operations.size()));
        assertTrue(failures.isEmpty(), "seed " + seed + ": " + failures.size() + " failures:\n"
                + String.join("\n", failures.stream().limit(40).toList()));
    }

    record Operation(String method, String path, List<Map<String, Object>> parameters, Map<String, Object> body) {
    }

    @SuppressWarnings("unchecked")
    private static List<Operation> operations(Map<String, Object> document) {
        List<Operation> operations = new ArrayList<>();
        ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, methods) -> methods.forEach((method, spec) -> {
            Map<String, Object> operation = (Map<String, Object>) spec;
            List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
            Map<String, Object> body = null;
            Map<String, Object> requestBody = (Map<String, Object>) operation.get("requestBody");
            if (requestBody != null) {
                Map<String, Object> content = (Map<String, Object>) requestBody.get("content");
                Map<String, Object> json = content == null ? null : (Map<String, Object>) content.get("application/json");
                body = json == null ? Map.of("type", "object") : (Map<String, Object>) json.get("schema");
            }
            operations.add(new Operation(method.toUpperCase(java.util.Locale.ROOT), path, parameters, body));
        }));
        return operations;
    }

    /** Values drawn from schemas, then spoilt now and then. */
    private static final class Fuzz {
        private final Random random;
        private final Map<String, Object> document;
        private final long agency;

        Fuzz(Random random, Map<String, Object> document, long agency) {
            this.random = random;
            this.document = document;
            this.agency = agency;
        }

        String string() {
            return STRINGS.get(random.nextInt(STRINGS.size()));
        }

        @SuppressWarnings("unchecked")
        String target(Operation op) {
            String path = op.path();
            StringBuilder query = new StringBuilder();
            for (Map<String, Object> parameter : op.parameters()) {
                String name = String.valueOf(parameter.get("name"));
                String value = scalar((Map<String, Object>) parameter.getOrDefault("schema", Map.of()));
                if ("path".equals(parameter.get("in"))) {
                    path = path.replace("{" + name + "}", Attacks.encode(random.nextInt(3) == 0 ? Long.toString(agency) : value));
                } else if ("query".equals(parameter.get("in")) && random.nextInt(4) != 0) {
                    query.append(query.length() == 0 ? '?' : '&').append(Attacks.encode(name)).append('=').append(Attacks.encode(value));
                }
            }
            return path.replaceAll("\\{[^}]+}", "1") + query;
        }

        private String scalar(Map<String, Object> schema) {
            if (random.nextInt(4) == 0) {
                return string();
            }
            return switch (String.valueOf(schema.get("type"))) {
                case "integer" -> Long.toString(List.of(0L, 1L, -1L, 2L, 100L, 101L, (long) Integer.MAX_VALUE, Long.MAX_VALUE,
                        Long.MIN_VALUE, 42949673L).get(random.nextInt(10)));
                case "boolean" -> random.nextBoolean() ? "true" : "yes";
                default -> schema.get("enum") instanceof List<?> values && !values.isEmpty()
                        ? String.valueOf(values.get(random.nextInt(values.size()))) : string();
            };
        }

        String json(Map<String, Object> schema) {
            int mode = random.nextInt(10);
            if (mode == 0) {
                return List.of("", "{", "[]", "null", "{\"a\":", "[".repeat(2000), "\"x\"", "{}{}").get(random.nextInt(8));
            }
            return value(schema == null ? Map.of("type", "object") : schema, 0);
        }

        @SuppressWarnings("unchecked")
        private String value(Map<String, Object> schema, int depth) {
            Object ref = schema.get("$ref");
            if (ref != null) {
                String name = ref.toString().substring(ref.toString().lastIndexOf('/') + 1);
                schema = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) document.get("components"))
                        .get("schemas")).getOrDefault(name, Map.of("type", "object"));
            }
            if (random.nextInt(12) == 0 || depth > 4) {
                return List.of("null", "1", "\"x\"", "true", "[]", "{}", "-1e999", "\"" + "z".repeat(5000) + "\"").get(random.nextInt(8));
            }
            String type = String.valueOf(schema.get("type"));
            switch (type) {
                case "integer":
                case "number":
                    return scalar(schema).matches("-?\\d+") && random.nextInt(3) != 0 ? scalar(schema) : quoted(string());
                case "boolean":
                    return random.nextInt(4) == 0 ? quoted("yes") : Boolean.toString(random.nextBoolean());
                case "array": {
                    Map<String, Object> items = (Map<String, Object>) schema.getOrDefault("items", Map.of("type", "string"));
                    List<String> values = new ArrayList<>();
                    for (int i = random.nextInt(4); i > 0; i--) {
                        values.add(value(items, depth + 1));
                    }
                    return "[" + String.join(",", values) + "]";
                }
                case "object": {
                    Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
                    List<String> fields = new ArrayList<>();
                    properties.forEach((name, property) -> {
                        if (random.nextInt(6) != 0) {
                            fields.add(quoted(name) + ":" + value((Map<String, Object>) property, depth + 1));
                        }
                    });
                    if (random.nextInt(5) == 0) {
                        fields.add(quoted("unexpected" + random.nextInt(10)) + ":" + quoted(string()));
                    }
                    return "{" + String.join(",", fields) + "}";
                }
                default:
                    return quoted(schema.get("enum") instanceof List<?> values && !values.isEmpty() && random.nextBoolean()
                            ? String.valueOf(values.get(random.nextInt(values.size()))) : string());
            }
        }

        private static String quoted(String text) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }
    }
}
