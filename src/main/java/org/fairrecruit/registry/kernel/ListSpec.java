package org.fairrecruit.registry.kernel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one staff list offers, declared once beside its query: its address, the columns it may be
 * sorted by (each a fixed SQL expression, so a URL can never inject one), its filters and the
 * address of its CSV export (null: none). {@link ListQuery} reads a request against it.
 *
 * @param sorts        sort key to SQL expression; {@link #RELEVANCE} maps to no expression (the search's own order)
 * @param tiebreak     a unique SQL expression appended to every ORDER BY, so paging never repeats or skips a row
 * @param searchFilter the filter whose presence makes {@link #RELEVANCE} the default sort, or null
 */
public record ListSpec(String path, String exportPath, Map<String, String> sorts, String defaultSort,
                       boolean defaultDescending, String tiebreak, List<String> filters, String searchFilter) {
    public static final String RELEVANCE = "relevance";

    public ListSpec {
        sorts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sorts));
        filters = List.copyOf(filters);
        if (!sorts.containsKey(defaultSort)) {
            throw new IllegalArgumentException("default sort " + defaultSort + " is not a sort of " + path);
        }
    }

    public static Builder at(String path) {
        return new Builder(path);
    }

    public static final class Builder {
        private final String path;
        private String exportPath;
        private final Map<String, String> sorts = new LinkedHashMap<>();
        private String defaultSort;
        private boolean defaultDescending;
        private String tiebreak;
        private List<String> filters = List.of();
        private String searchFilter;

        private Builder(String path) {
            this.path = path;
            this.exportPath = path + "/export.csv";
        }

        public Builder sort(String key, String expression) {
            sorts.put(key, expression);
            return this;
        }

        /** Adds the relevance order a search produces, the default while {@code filter} is given. */
        public Builder relevanceWhile(String filter) {
            sorts.put(RELEVANCE, null);
            searchFilter = filter;
            return this;
        }

        public Builder by(String key, boolean descending) {
            defaultSort = key;
            defaultDescending = descending;
            return this;
        }

        public Builder tiebreak(String expression) {
            tiebreak = expression;
            return this;
        }

        public Builder filters(String... names) {
            filters = List.of(names);
            return this;
        }

        public Builder export(String exportPath) {
            this.exportPath = exportPath;
            return this;
        }

        /** For a list whose rows must not leave as a file (e.g. message bodies with personal data). */
        public Builder withoutExport() {
            this.exportPath = null;
            return this;
        }

        public ListSpec build() {
            return new ListSpec(path, exportPath, sorts, defaultSort, defaultDescending, tiebreak, filters, searchFilter);
        }
    }
}
