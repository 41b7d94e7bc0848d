package org.fairrecruit.registry.kernel;

import io.micronaut.http.HttpStatus;

/**
 * Refusals that carry their HTTP status and a message key (resolved in the reader's language).
 * Everything else that escapes a controller is a 500 with no detail.
 */
public abstract class RegistryException extends RuntimeException {
    private final HttpStatus status;
    private final String messageKey;
    private final Object[] args;

    protected RegistryException(HttpStatus status, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.args = args;
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public static final class NotFound extends RegistryException {
        public NotFound(String what, Object id) {
            super(HttpStatus.NOT_FOUND, "error.notFound", what, id);
        }

        /** {@code what} in the reader's language, e.g. {@code new MessageKey("agency.what")}. */
        public NotFound(MessageKey what, Object id) {
            super(HttpStatus.NOT_FOUND, "error.notFound", what, id);
        }
    }

    public static final class BadRequest extends RegistryException {
        public BadRequest(String messageKey, Object... args) {
            super(HttpStatus.BAD_REQUEST, messageKey, args);
        }
    }

    /** A concurrent edit or a move the state machine forbids: the caller must reload and decide. */
    public static final class Conflict extends RegistryException {
        public Conflict(String messageKey, Object... args) {
            super(HttpStatus.CONFLICT, messageKey, args);
        }
    }

    public static final class Forbidden extends RegistryException {
        public Forbidden(String messageKey) {
            super(HttpStatus.FORBIDDEN, messageKey);
        }
    }

    public static final class Unauthorized extends RegistryException {
        public Unauthorized(String messageKey) {
            super(HttpStatus.UNAUTHORIZED, messageKey);
        }
    }
}
