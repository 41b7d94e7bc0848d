package org.fairrecruit.registry.audit;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An audit entry's before and after snapshots as the fields that differ, each with its old and new
 * value, so an investigator reads "status: ACTIVE → SUSPENDED" instead of two JSON blobs. Nested
 * objects are flattened to dotted paths ("names.0.name"); a snapshot that is not JSON is shown whole.
 */
@Singleton
class FieldChanges {
    /** One field that changed; a null side means the field was absent there. */
    record FieldChange(String field, String before, String after) {
    }

    private final JsonMapper json;

    FieldChanges(JsonMapper json) {
        this.json = json;
    }

    List<FieldChange> of(AuditEntry entry) {
        Map<String, String> before = flat(entry.beforeState());
        Map<String, String> after = flat(entry.afterState());
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            String was = before.get(field);
            String is = after.get(field);
            if (was == null ? is != null : !was.equals(is)) {
                changes.add(new FieldChange(field, was, is));
            }
        }
        return changes;
    }

    private Map<String, String> flat(String state) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (state == null || state.isBlank()) {
            return fields;
        }
        try {
            flatten("", json.readValue(state, JsonNode.class), fields);
        } catch (IOException | RuntimeException notJson) {
            fields.put("", state);
        }
        return fields;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.entries()) {
                flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), into);
            }
        } else if (node.isArray()) {
            if (node.size() == 0) {
                into.put(path, "");
            }
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "." + i, node.get(i), into);
            }
        } else if (!node.isNull()) {
            into.put(path, node.coerceStringValue());
        }
    }
}
