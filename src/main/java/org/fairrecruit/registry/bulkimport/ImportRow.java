package org.fairrecruit.registry.bulkimport;

import org.fairrecruit.registry.database.Column;
import org.apache.commons.csv.CSVRecord;

import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** One data row of an import file, read field by field; every refusal goes to the file's errors. */
final class ImportRow {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private final int number;
    private final CSVRecord record;
    private final RowErrors errors;

    ImportRow(int number, CSVRecord record, RowErrors errors) {
        this.number = number;
        this.record = record;
        this.errors = errors;
    }

    int number() {
        return number;
    }

    void refuse(String field, String messageKey, Object... args) {
        errors.add(number, field, messageKey, args);
    }

    /** The trimmed value, or null when blank (refused if required) or too long for its column. */
    String text(String field, Column column, boolean required) {
        return bounded(field, column.max(), required);
    }

    // Codes, dates and countries are parsed after this; a longer value cannot be one.
    private static final int CODE_MAX = 64;

    private String bounded(String field, int maxLength, boolean required) {
        String value = record.get(field).strip();
        if (value.isEmpty()) {
            if (required) {
                refuse(field, "import.error.required");
            }
            return null;
        }
        if (value.length() > maxLength) {
            refuse(field, "import.error.tooLong", maxLength);
            return null;
        }
        return value;
    }

    String oneOf(String field, List<String> allowed) {
        String value = bounded(field, CODE_MAX, true);
        if (value != null && !allowed.contains(value)) {
            refuse(field, "import.error.oneOf", String.join(", ", allowed));
            return null;
        }
        return value;
    }

    LocalDate date(String field, boolean required) {
        String value = bounded(field, CODE_MAX, required);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            refuse(field, "import.error.date");
            return null;
        }
    }

    /** ISO 3166-1 alpha-2, stored upper case. */
    String country(String field, boolean required) {
        String value = bounded(field, CODE_MAX, required);
        if (value != null && !COUNTRIES.contains(value.toUpperCase(Locale.ROOT))) {
            refuse(field, "import.error.country");
            return null;
        }
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    Integer year(String field) {
        String value = bounded(field, CODE_MAX, false);
        if (value == null) {
            return null;
        }
        try {
            int year = Integer.parseInt(value);
            if (year >= 1900 && year <= Year.now().getValue()) {
                return year;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        refuse(field, "import.error.year", Year.now().getValue());
        return null;
    }

    String email(String field) {
        String value = text(field, Column.EMAIL, false);
        if (value != null && !EMAIL.matcher(value).matches()) {
            refuse(field, "import.error.email");
            return null;
        }
        return value;
    }

    /** Names separated by "|"; blanks between separators are skipped. */
    List<String> names(String field, Column column) {
        List<String> names = Arrays.stream(record.get(field).split("\\|")).map(String::strip)
                .filter(name -> !name.isEmpty()).toList();
        if (names.stream().anyMatch(name -> name.length() > column.max())) {
            refuse(field, "import.error.tooLong", column.max());
            return List.of();
        }
        return names;
    }

    /** A later date than {@code from}, refused on {@code field} if it comes before. */
    void notBefore(String field, LocalDate value, LocalDate from) {
        if (value != null && from != null && value.isBefore(from)) {
            refuse(field, "import.error.dateOrder", from);
        }
    }
}
