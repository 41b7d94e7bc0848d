package org.fairrecruit.registry.kernel;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of a list endpoint, as {@link Paging} cut it: {@code page} counts from 0. */
@Serdeable
public record Page<T>(List<T> items, int page, int size) {
}
