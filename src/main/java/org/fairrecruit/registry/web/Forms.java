package org.fairrecruit.registry.web;

import org.fairrecruit.registry.kernel.InvalidInput;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Reading HTML form values: optional dates (ISO, as date inputs send them), numbers and line lists. */
public final class Forms {
    private Forms() {
    }

    /** Null when blank; a field error when not an ISO date. */
    public static LocalDate date(String field, String value) {
        InvalidInput.Collector check = new InvalidInput.Collector();
        LocalDate date = check.isoDate(field, value);
        check.throwIfAny();
        return date;
    }

    /** Null when blank; a field error when not a whole number. */
    public static Integer integer(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError(field, "field.number")));
        }
    }

    /** One entry per non-blank line (or comma, for short codes). */
    public static List<String> lines(String value) {
        return value == null ? List.of()
                : Arrays.stream(value.split("[\\r\\n]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public static List<String> codes(String value) {
        return value == null ? List.of()
                : Arrays.stream(value.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public static <E extends Enum<E>> E choice(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError(field, "field.invalid")));
        }
    }
}
