package org.fairrecruit.registry.hardening;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/** Collects ERROR log lines while attached: a request that logs a stack trace is a defect even when answered 4xx. */
final class ErrorLogWatch extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final List<String> errors = new ArrayList<>();

    static ErrorLogWatch attach() {
        ErrorLogWatch watch = new ErrorLogWatch();
        watch.setContext((ch.qos.logback.core.Context) LoggerFactory.getILoggerFactory());
        watch.start();
        root().addAppender(watch);
        return watch;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.ERROR) && errors.size() < 50) {
            errors.add(event.getLoggerName() + ": " + event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : " [" + event.getThrowableProxy().getClassName() + "]"));
        }
    }

    synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void close() {
        root().detachAppender(this);
        stop();
    }
}
