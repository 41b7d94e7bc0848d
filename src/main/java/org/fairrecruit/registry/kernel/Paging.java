package org.fairrecruit.registry.kernel;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A requested page of a list, the one place that checks paging parameters: {@code page} counts
 * from 0 up to {@value #MAX_PAGE}, {@code size} from 1 to {@value #MAX_SIZE}. Out-of-range values
 * are refused naming the field, so no arithmetic on them can overflow (page × size fits an int).
 */
public record Paging(int page, int size) {
    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 10_000;
    public static final int DEFAULT_SIZE = 20;

    public static Paging of(@Nullable Integer page, @Nullable Integer size) {
        return of(page, size, DEFAULT_SIZE);
    }

    public static Paging of(@Nullable Integer page, @Nullable Integer size, int defaultSize) {
        int p = page == null ? 0 : page;
        int s = size == null ? defaultSize : size;
        new InvalidInput.Collector()
                .require(p >= 0 && p <= MAX_PAGE, "page", "paging.page", MAX_PAGE)
                .require(s >= 1 && s <= MAX_SIZE, "size", "paging.size", MAX_SIZE)
                .throwIfAny();
        return new Paging(p, s);
    }

    public int offset() {
        return page * size;
    }

    /** How many leading items a source must produce to fill this page. */
    public int needed() {
        return (page + 1) * size;
    }

    /** This page of {@code all}. */
    public <T> Page<T> of(List<T> all) {
        int from = Math.min(all.size(), offset());
        return new Page<>(List.copyOf(all.subList(from, Math.min(all.size(), from + size))), page, size);
    }
}
