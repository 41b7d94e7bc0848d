package org.fairrecruit.registry.kernel;

import org.fairrecruit.registry.database.Column;
import io.micronaut.http.HttpStatus;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** One or more fields were refused; each error names its field and a message key. */
public final class InvalidInput extends RegistryException {
    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, "error.validation");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The errors keyed by field, as a form shows them beside each field (the first per field). */
    public Map<String, FieldError> byField() {
        Map<String, FieldError> map = new LinkedHashMap<>();
        errors.forEach(error -> map.putIfAbsent(error.field(), error));
        return map;
    }

    public record FieldError(String field, String messageKey, Object... args) {
    }

    /** Collects refusals so a form can show every problem at once; the common field rules live here. */
    public static final class Collector {
        private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
        private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]*");
        private static final Pattern URL = Pattern.compile("(?i)(https?://)?[a-z0-9-]+(\\.[a-z0-9-]+)+(:[0-9]+)?(/\\S*)?");
        private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
        private final List<FieldError> errors = new ArrayList<>();

        public static boolean isEmail(String value) {
            return value != null && EMAIL.matcher(value.strip()).matches();
        }

        /** A required text that fits its column. */
        public Collector text(String field, String value, Column column) {
            return require(value != null && !value.isBlank(), field, "field.required")
                    .require(value == null || value.strip().length() <= column.max(), field, "field.tooLong", column.max());
        }

        /** An optional text that fits its column. */
        public Collector optionalText(String field, String value, Column column) {
            return require(value == null || value.strip().length() <= column.max(), field, "field.tooLong", column.max());
        }

        /** An ISO 3166-1 alpha-2 country code, e.g. "NP"; none at all is "required" (forms offer a select). */
        public Collector country(String field, String value) {
            if (value == null || value.isBlank()) {
                return require(false, field, "field.required");
            }
            return require(COUNTRIES.contains(value.strip().toUpperCase(Locale.ROOT)), field, "field.country");
        }

        /** Digits with the usual separators and an optional leading "+", 6 to 20 digits: "+977 1-4412345". */
        public Collector optionalPhone(String field, String value) {
            return require(value == null || value.isBlank() || PHONE.matcher(value.strip()).matches()
                    && value.replaceAll("\\D", "").length() >= 6 && value.replaceAll("\\D", "").length() <= 20,
                    field, "field.phone");
        }

        /** A web address with a host that has a dot, "http(s)://" optional: "ktm manpower" is refused. */
        public Collector optionalUrl(String field, String value) {
            return require(value == null || value.isBlank() || URL.matcher(value.strip()).matches(), field, "field.url");
        }

        public Collector optionalEmail(String field, String value) {
            return require(value == null || value.isBlank() || isEmail(value) && value.strip().length() <= Column.EMAIL.max(),
                    field, "field.email");
        }

        public Collector date(String field, LocalDate value) {
            return require(value != null, field, "field.date");
        }

        /** The ISO date (as date inputs send it) typed in {@code field}; null when blank or, noted here, not a date. */
        public LocalDate isoDate(String field, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                require(false, field, "field.date");
                return null;
            }
        }

        public Collector require(boolean ok, String field, String messageKey, Object... args) {
            if (!ok) {
                errors.add(new FieldError(field, messageKey, args));
            }
            return this;
        }

        /** Runs a rule that refuses with {@link InvalidInput} and keeps its errors with these, to be shown together. */
        public Collector including(Runnable rule) {
            try {
                rule.run();
            } catch (InvalidInput refusal) {
                errors.addAll(refusal.errors());
            }
            return this;
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
        }
    }
}
