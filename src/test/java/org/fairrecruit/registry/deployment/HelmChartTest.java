package org.fairrecruit.registry.deployment;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import org.fairrecruit.registry.secrets.RequiredSecret;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chart in helm/registry, linted and rendered by the real helm (helm-java's bundled library). */
class HelmChartTest {
    private static final Path CHART = Path.of("helm/registry");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|_KEY)|(DATASOURCES_.*|REGISTRY_MAIL_SMTP)_USERNAME");
    /** Secrets the chart supplies beyond secrets.RequiredSecret: keys coming with issues 11 and 15, credentials. */
    private static final Set<String> OTHER_SECRETS = Set.of("REGISTRY_AUDIT_CHECKPOINT_KEY",
            "REGISTRY_CONTACT_ENCRYPTION_KEY", "DATASOURCES_DEFAULT_USERNAME", "DATASOURCES_DEFAULT_PASSWORD",
            "REGISTRY_MAIL_SMTP_USERNAME", "REGISTRY_MAIL_SMTP_PASSWORD", "REGISTRY_ADMIN_PASSWORD");

    private record Manifests(List<Map<String, Object>> all) {
        Map<String, Object> one(String kind) {
            List<Map<String, Object>> found = all.stream().filter(m -> kind.equals(m.get("kind"))).toList();
            assertEquals(1, found.size(), "one " + kind);
            return found.get(0);
        }

        boolean has(String kind) {
            return all.stream().anyMatch(m -> kind.equals(m.get("kind")));
        }

        Map<String, Object> container() {
            return map(list(path(one("Deployment"), "spec", "template", "spec"), "containers").get(0));
        }

        Map<String, Map<String, Object>> env() {
            return list(container(), "env").stream().map(HelmChartTest::map)
                    .collect(Collectors.toMap(e -> (String) e.get("name"), Function.identity()));
        }

        Map<String, String> configMap() {
            Map<String, Object> data = map(one("ConfigMap").get("data"));
            return data.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
        }
    }

    private static Manifests render(TemplateCommand template) {
        String yaml = template.withName("registry").call();
        List<Map<String, Object>> documents = new ArrayList<>();
        StreamSupport.stream(new Yaml().loadAll(yaml).spliterator(), false)
                .filter(Objects::nonNull).forEach(d -> documents.add(map(d)));
        return new Manifests(documents);
    }

    private static Manifests defaults() {
        return render(new Helm(CHART).template());
    }

    private static Manifests productionLike() {
        return render(new Helm(CHART).template().withValuesFile(CHART.resolve("values-production-example.yaml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> owner, String key) {
        return (List<Object>) owner.get(key);
    }

    private static Map<String, Object> path(Map<String, Object> root, String... keys) {
        Map<String, Object> current = root;
        for (String key : keys) {
            current = map(current.get(key));
        }
        return current;
    }

    private static String secretOf(Map<String, Object> envEntry) {
        return (String) path(envEntry, "valueFrom", "secretKeyRef").get("name");
    }

    @Test
    void chart_passes_strict_lint() {
        LintResult lint = new Helm(CHART).lint().strict().call();

        assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
    }

    @Test
    void probes_follow_the_documented_health_endpoints() {
        Map<String, Object> container = defaults().container();

        assertEquals("/health/readiness", path(container, "readinessProbe", "httpGet").get("path"));
        assertEquals("/health/liveness", path(container, "livenessProbe", "httpGet").get("path"));
        assertEquals("/health/liveness", path(container, "startupProbe", "httpGet").get("path"));
        assertEquals(30, path(container, "startupProbe").get("failureThreshold"), "migrations and the index get time");
    }

    @Test
    void pod_runs_as_non_root_with_a_read_only_root_file_system_and_no_capabilities() {
        Manifests manifests = defaults();
        Map<String, Object> pod = path(manifests.one("Deployment"), "spec", "template", "spec");
        Map<String, Object> security = path(manifests.container(), "securityContext");

        assertEquals(true, path(pod, "securityContext").get("runAsNonRoot"));
        assertEquals(65532, path(pod, "securityContext").get("runAsUser"));
        assertEquals(false, pod.get("automountServiceAccountToken"));
        assertEquals(true, security.get("readOnlyRootFilesystem"));
        assertEquals(false, security.get("allowPrivilegeEscalation"));
        assertEquals(List.of("ALL"), path(security, "capabilities").get("drop"));
        assertEquals("/tmp", map(list(manifests.container(), "volumeMounts").get(0)).get("mountPath"));
        assertTrue(map(list(pod, "volumes").get(0)).containsKey("emptyDir"), "/tmp is an emptyDir");
        assertTrue(path(manifests.container(), "resources", "limits").containsKey("memory"));
    }

    @Test
    void every_secret_comes_from_an_existing_secret_and_none_is_inlined() {
        for (Manifests manifests : List.of(defaults(), productionLike())) {
            Map<String, Map<String, Object>> env = manifests.env();

            for (RequiredSecret secret : RequiredSecret.values()) {
                assertEquals("registry-keys", secretOf(env.get(secret.variable())), secret.variable());
            }
            OTHER_SECRETS.forEach(name -> assertTrue(env.get(name).containsKey("valueFrom"), name));
            assertFalse(manifests.has("Secret"), "the chart creates no Secret");
            env.values().stream().filter(e -> SECRET_NAME.matcher((String) e.get("name")).matches())
                    .forEach(e -> assertNull(e.get("value"), e.get("name") + " is inlined"));
            manifests.configMap().keySet().forEach(key ->
                    assertFalse(SECRET_NAME.matcher(key).matches(), key + " is a secret in the ConfigMap"));
        }
        Map<String, Map<String, Object>> production = productionLike().env();
        assertEquals("registry-database-replica", secretOf(production.get("DATASOURCES_REPLICA_PASSWORD")));
        assertEquals("registry-database-replica", secretOf(production.get("DATASOURCES_REPLICA_USERNAME")));
        assertEquals("registry-database-owner", secretOf(production.get("FLYWAY_DATASOURCES_DEFAULT_PASSWORD")));
        assertEquals("registry-database-owner", secretOf(production.get("FLYWAY_DATASOURCES_DEFAULT_USERNAME")));
        assertFalse(defaults().env().containsKey("DATASOURCES_REPLICA_PASSWORD"), "no replica by default");
        assertFalse(defaults().env().containsKey("FLYWAY_DATASOURCES_DEFAULT_PASSWORD"), "no migration account by default");
    }

    @Test
    void autoscaler_and_disruption_budget_keep_at_least_the_configured_replicas() {
        Manifests defaults = defaults();
        Manifests production = productionLike();

        assertEquals(2, path(defaults.one("HorizontalPodAutoscaler"), "spec").get("minReplicas"));
        assertEquals(1, path(defaults.one("PodDisruptionBudget"), "spec").get("minAvailable"));
        assertFalse(path(defaults.one("Deployment"), "spec").containsKey("replicas"), "the autoscaler owns replicas");
        assertEquals(3, path(production.one("HorizontalPodAutoscaler"), "spec").get("minReplicas"));
        assertEquals(2, path(production.one("PodDisruptionBudget"), "spec").get("minAvailable"));
        assertEquals(0, path(defaults.one("Deployment"), "spec", "strategy", "rollingUpdate").get("maxUnavailable"));

        Manifests fixed = render(new Helm(CHART).template().set("autoscaling.enabled", "false").set("replicaCount", "3"));
        assertFalse(fixed.has("HorizontalPodAutoscaler"));
        assertEquals(3, path(fixed.one("Deployment"), "spec").get("replicas"));
    }

    @Test
    void ingress_with_tls_and_service_monitor_appear_only_when_enabled() {
        Manifests defaults = defaults();
        Manifests production = productionLike();

        assertFalse(defaults.has("Ingress"));
        assertFalse(defaults.has("ServiceMonitor"));
        Map<String, Object> tls = map(list(path(production.one("Ingress"), "spec"), "tls").get(0));
        assertEquals("registry-tls", tls.get("secretName"));
        assertEquals(List.of("registry.labour.example"), tls.get("hosts"));
        Map<String, Object> endpoint = map(list(path(production.one("ServiceMonitor"), "spec"), "endpoints").get(0));
        assertEquals("/prometheus", endpoint.get("path"));
        assertEquals("X-Forwarded-For", production.configMap().get("REGISTRY_PUBLIC_RATE_LIMIT_CLIENT_HEADER"));
    }

    @Test
    void domain_numbers_in_values_reach_the_settings_the_service_reads() {
        Map<String, String> config = productionLike().configMap();
        try (ApplicationContext context = ApplicationContext.builder()
                .propertySources(PropertySource.of("configmap", Map.copyOf(config),
                        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                .build()) {
            Environment environment = context.getEnvironment().start();

            Map<String, String> expected = Map.of(
                    "registry.licensing.renewal-window-days", "60",
                    "registry.licensing.validity-years", "4",
                    "registry.licensing.reminder-days", "90,30,7",
                    "registry.matching.match-threshold", "0.85",
                    "registry.matching.possible-threshold", "0.65",
                    "registry.public-rate-limit.requests-per-minute", "120",
                    "registry.security.max-failed-logins", "5",
                    "registry.imports.max-rows", "100000",
                    "registry.demo.enabled", "false",
                    "datasources.default.url", "jdbc:mysql://mysql-primary.db.svc:3306/registry?sslMode=VERIFY_IDENTITY");
            expected.forEach((property, value) ->
                    assertEquals(value, environment.getProperty(property, String.class).orElse(null), property));
        }
    }
}
