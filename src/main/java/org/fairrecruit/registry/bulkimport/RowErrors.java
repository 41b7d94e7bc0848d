package org.fairrecruit.registry.bulkimport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Every refusal in a file, so the report shows them all at once; only the first {@value #KEPT} are kept. */
final class RowErrors {
    static final int KEPT = 1_000;
    private final List<RowError> kept = new ArrayList<>();
    private int count;

    void add(int row, String field, String messageKey, Object... args) {
        count++;
        if (kept.size() < KEPT) {
            kept.add(new RowError(row, field, messageKey, Arrays.stream(args).map(String::valueOf).toList()));
        }
    }

    boolean isEmpty() {
        return count == 0;
    }

    int count() {
        return count;
    }

    List<RowError> kept() {
        return List.copyOf(kept);
    }
}
