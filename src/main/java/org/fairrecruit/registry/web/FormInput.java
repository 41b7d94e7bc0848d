package org.fairrecruit.registry.web;

import org.fairrecruit.registry.kernel.InvalidInput;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One submitted HTML form, read field by field: what could not be read as a date, number or choice is collected
 * (not thrown one at a time), so the form comes back with every problem beside its field and everything typed kept.
 * The pattern every staff form follows: read with this and call the service inside {@link FormSubmissions} (the one
 * place a form's unreadable fields and the service's refusals come together), and on {@link InvalidInput} show
 * {@link Failed} with the page (fragments {@code layout/form :: summary} and {@code layout/form :: in}).
 */
public final class FormInput {
    private final String form;
    private final Map<String, String> values;
    private final List<InvalidInput.FieldError> errors = new ArrayList<>();

    public FormInput(String form, Map<String, String> values) {
        this.form = form;
        this.values = values == null ? Map.of() : values;
    }

    /**
     * A form with check boxes: a field sent several times keeps its values joined by commas ({@link #list}), so
     * it comes back checked as it was; only for values without commas (codes, role and scope names).
     */
    public static FormInput withLists(String form, Map<String, Object> body) {
        Map<String, String> texts = new HashMap<>();
        if (body != null) {
            body.forEach((name, value) -> texts.put(name, value instanceof Collection<?> several
                    ? several.stream().map(String::valueOf).collect(Collectors.joining(",")) : String.valueOf(value)));
        }
        return new FormInput(form, texts);
    }

    /** The values of a field sent several times (see {@link #withLists}); empty when none was sent. */
    public List<String> list(String field) {
        String value = text(field);
        return value == null ? List.of() : List.of(value.split(","));
    }

    /** A form that came back refused: its name (one page may hold several forms), what was typed, and the errors by field. */
    public record Failed(String form, Map<String, String> values, Map<String, InvalidInput.FieldError> errors) {
    }

    public String text(String field) {
        String value = values.get(field);
        return value == null || value.isBlank() ? null : value;
    }

    /** Null when blank; an error when not a real calendar day ("2026-02-30" is refused, never silently moved). */
    public LocalDate date(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new InvalidInput.FieldError(field, "field.date"));
            return null;
        }
    }

    public Integer integer(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.add(new InvalidInput.FieldError(field, "field.number"));
            return null;
        }
    }

    public <E extends Enum<E>> E choice(Class<E> type, String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidInput.FieldError(field, "field.invalid"));
            return null;
        }
    }

    /** Refuses the form if anything could not be read; the service's own rules are checked after. */
    public void throwIfUnreadable() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    /** The form as it goes back to its page after {@code refusal}, with unreadable fields reported alongside. */
    public Failed failed(InvalidInput refusal) {
        Map<String, InvalidInput.FieldError> byField = new LinkedHashMap<>();
        errors.forEach(error -> byField.putIfAbsent(error.field(), error));
        refusal.byField().forEach(byField::putIfAbsent);
        return new Failed(form, values, byField);
    }
}
