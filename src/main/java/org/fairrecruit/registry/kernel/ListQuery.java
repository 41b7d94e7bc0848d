package org.fairrecruit.registry.kernel;



import io.micronaut.http.HttpRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One request for a staff list: its page, sort and filters as the URL gave them, checked against
 * the list's {@link ListSpec}. Every link the list renders (pages, sort headers, CSV export) is
 * built from it, so filters survive paging, sorting and export alike.
 */
public record ListQuery(ListSpec spec, Paging paging, String sort, boolean descending, Map<String, String> filters) {
    /** The most rows a CSV export carries: enough for any office's working set, bounded for the server's memory. */
    public static final int EXPORT_ROWS = 10_000;
    private static final int MAX_FILTER_LENGTH = 200;

    public static ListQuery of(ListSpec spec, HttpRequest<?> request) {
        var params = request.getParameters();
        InvalidInput.Collector check = new InvalidInput.Collector();
        Map<String, String> filters = new LinkedHashMap<>();
        for (String name : spec.filters()) {
            String value = params.get(name);
            if (value != null && !value.isBlank()) {
                check.require(value.length() <= MAX_FILTER_LENGTH, name, "list.filter.tooLong", MAX_FILTER_LENGTH);
                filters.put(name, value.strip());
            }
        }
        String requested = params.get("sort");
        boolean searching = spec.searchFilter() != null && filters.containsKey(spec.searchFilter());
        String sort = requested == null || requested.isBlank()
                ? (searching ? ListSpec.RELEVANCE : spec.defaultSort()) : requested;
        check.require(spec.sorts().containsKey(sort), "sort", "list.sort.unknown",
                String.join(", ", spec.sorts().keySet()));
        String dir = params.get("dir");
        check.require(dir == null || dir.equals("asc") || dir.equals("desc"), "dir", "list.dir.unknown");
        Integer page = integer(check, "page", params.get("page"));
        Integer size = integer(check, "size", params.get("size"));
        check.throwIfAny();
        boolean descending = dir == null ? sort.equals(spec.defaultSort()) && spec.defaultDescending() : dir.equals("desc");
        return new ListQuery(spec, Paging.of(page, size), sort, descending, Map.copyOf(filters));
    }

    private static Integer integer(InvalidInput.Collector check, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            check.require(false, field, "paging." + field, field.equals("page") ? Paging.MAX_PAGE : Paging.MAX_SIZE);
            return null;
        }
    }

    /** The filter's value, or "" when not given (templates show it back in the filter form). */
    public String filter(String name) {
        return filters.getOrDefault(name, "");
    }

    public boolean has(String name) {
        return filters.containsKey(name);
    }

    /** The filter's value in upper case, refused unless it is one of {@code allowed}. */
    public <E extends Enum<E>> E choice(String name, Class<E> allowed) {
        if (!has(name)) {
            return null;
        }
        try {
            return Enum.valueOf(allowed, filter(name).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError(name, "list.filter.unknown", filter(name))));
        }
    }

    public boolean byRelevance() {
        return sort.equals(ListSpec.RELEVANCE);
    }

    /** " ORDER BY …" for the chosen sort (the relevance order is the caller's own and has none). */
    public String orderBy() {
        String direction = descending ? " DESC" : " ASC";
        String expression = spec.sorts().get(sort);
        return expression == null ? " ORDER BY " + spec.tiebreak() + direction
                : " ORDER BY " + expression + direction + ", " + spec.tiebreak() + direction;
    }

    /** " LIMIT ? OFFSET ?" values of this page, for SQL that pages in the database. */
    public String limit() {
        return " LIMIT " + paging.size() + " OFFSET " + paging.offset();
    }

    /** The same list, every row up to {@link #EXPORT_ROWS}, for a CSV export. */
    public ListQuery everything() {
        return new ListQuery(spec, new Paging(0, EXPORT_ROWS), sort, descending, filters);
    }

    public <T> ListPage<T> page(List<T> items, long total) {
        return new ListPage<>(List.copyOf(items), total, this);
    }

    /** This page cut from a list the caller already holds whole (a search's ranked hits). */
    public <T> ListPage<T> pageOf(List<T> all) {
        return new ListPage<>(paging.of(all).items(), all.size(), this);
    }

    String href(int page, String sortKey, boolean desc) {
        return spec.path() + query(page, sortKey, desc);
    }

    String exportHref() {
        return spec.exportPath() == null ? null : spec.exportPath() + query(0, sort, descending);
    }

    private String query(int page, String sortKey, boolean desc) {
        StringJoiner joiner = new StringJoiner("&", "?", "");
        filters.forEach((name, value) -> joiner.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        joiner.add("sort=" + sortKey).add("dir=" + (desc ? "desc" : "asc"));
        if (paging.size() != Paging.DEFAULT_SIZE && paging.size() <= Paging.MAX_SIZE) {
            joiner.add("size=" + paging.size());
        }
        if (page > 0) {
            joiner.add("page=" + page);
        }
        return joiner.toString();
    }
}
