package org.fairrecruit.registry.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.DatabaseAvailability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * What escapes every more specific handler is sorted here, so that only our own bugs are 500s.
 * A database that cannot be reached is an outage: the client gets 503 with Retry-After (and
 * nothing was acknowledged). While the embedded server is known to be down (being restarted by its
 * watchdog) requests are refused at once; otherwise a request finds out through its connection or
 * socket timeout (application.yml), so nothing hangs. A body that Netty's decoders cannot read
 * (a broken multipart boundary, bad form encoding) is the client's: 400. Everything else is a 500
 * without detail, its stack trace in the log only.
 */
@Singleton
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class UnexpectedFailures implements ExceptionHandler<RuntimeException, HttpResponse<?>> {
    static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedFailures.class);
    private final DatabaseAvailability availability;
    private final ErrorResponseProcessor<?> errors;

    UnexpectedFailures(DatabaseAvailability availability, ErrorResponseProcessor<?> errors) {
        this.availability = availability;
        this.errors = errors;
    }

    /** Probes and static files never touch the database: liveness stays UP through an outage. */
    @RequestFilter
    @Nullable
    HttpResponse<?> refuseWhileDown(HttpRequest<?> request) {
        String path = request.getPath();
        if (!availability.knownDown() || path.startsWith("/health") || path.startsWith("/static/") || path.equals("/ping")) {
            return null;
        }
        return unavailable(request);
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, RuntimeException exception) {
        if (unreachableDatabase(exception)) {
            LOG.warn("Database unreachable for {} {}: {}", request.getMethod(), request.getPath(), exception.toString());
            return unavailable(request);
        }
        if (undecodableBody(exception)) {
            return errors.processResponse(ErrorContext.builder(request).cause(exception).build(),
                    HttpResponse.status(HttpStatus.BAD_REQUEST));
        }
        LOG.error("Unexpected error for {} {}", request.getMethod(), request.getPath(), exception);
        return errors.processResponse(ErrorContext.builder(request).cause(exception).build(),
                HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR));
    }

    private MutableHttpResponse<?> unavailable(HttpRequest<?> request) {
        return errors.processResponse(ErrorContext.builder(request).build(), HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE))
                .header("Retry-After", RETRY_AFTER_SECONDS);
    }

    /** Netty's HTTP codecs only ever process the client's bytes: whatever they throw, the bytes were wrong. */
    static boolean undecodableBody(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.netty.handler.codec.DecoderException || thrownByNettyCodec(t)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the first frame outside the JDK (String.substring and the like) is one of Netty's HTTP codecs. */
    private static boolean thrownByNettyCodec(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            String type = frame.getClassName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                return type.startsWith("io.netty.handler.codec.");
            }
        }
        return false;
    }

    static boolean unreachableDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof SQLTimeoutException
                    || t instanceof java.net.ConnectException
                    // Micronaut Data could not prepare a connection (closed by a dead server, as Hikari finds out).
                    || t instanceof io.micronaut.data.connection.exceptions.ConnectionException
                    // SQLSTATE class 08 is "connection exception" (e.g. Hikari's "Connection is closed", 08003).
                    || t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
