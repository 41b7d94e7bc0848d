package org.fairrecruit.registry.web;

import io.micronaut.http.HttpStatus;

import java.util.ArrayList;
import java.util.List;

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

    public record FieldError(String field, String messageKey, Object... args) {
    }

    /** Collects refusals so a form can show every problem at once. */
    public static final class Collector {
        private final List<FieldError> errors = new ArrayList<>();

        public Collector require(boolean ok, String field, String messageKey, Object... args) {
            if (!ok) {
                errors.add(new FieldError(field, messageKey, args));
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
