package org.fairrecruit.registry.web;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of a list endpoint: {@code page} counts from 0, {@code size} is at most {@link #MAX_SIZE}. */
@Serdeable
public record Page<T>(List<T> items, int page, int size) {
    public static final int MAX_SIZE = 100;

    /** The requested page of {@code all}, with the size clamped to 1..{@value #MAX_SIZE}. */
    public static <T> Page<T> of(List<T> all, Integer page, Integer size) {
        int p = page == null ? 0 : Math.max(0, page);
        int s = size == null ? 20 : Math.min(MAX_SIZE, Math.max(1, size));
        int from = Math.min(all.size(), p * s);
        return new Page<>(List.copyOf(all.subList(from, Math.min(all.size(), from + s))), p, s);
    }

    /** How many leading items a source must produce to fill the requested page. */
    public static int needed(Integer page, Integer size) {
        int p = page == null ? 0 : Math.max(0, page);
        int s = size == null ? 20 : Math.min(MAX_SIZE, Math.max(1, size));
        return (p + 1) * s;
    }
}
