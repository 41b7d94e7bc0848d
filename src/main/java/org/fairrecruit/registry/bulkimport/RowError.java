package org.fairrecruit.registry.bulkimport;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A refused value: the row as a spreadsheet numbers it (the header is row 1), its column, and why. */
@Serdeable
public record RowError(int row, String field, String messageKey, List<String> args) {
    public RowError {
        args = args == null ? List.of() : List.copyOf(args);
    }
}
