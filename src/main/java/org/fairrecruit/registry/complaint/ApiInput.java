package org.fairrecruit.registry.complaint;

import org.fairrecruit.registry.kernel.InvalidInput;

import java.util.List;
import java.util.Locale;

/** Enumerations arrive as text, so a wrong value is a field error naming the field, not a broken body. */
final class ApiInput {
    private ApiInput() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError(field, "field.invalid")));
        }
    }

    static <E extends Enum<E>> E parseOptional(Class<E> type, String value, String field) {
        return value == null || value.isBlank() ? null : parse(type, value, field);
    }
}
