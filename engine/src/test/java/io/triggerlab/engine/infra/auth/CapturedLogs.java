package io.triggerlab.engine.infra.auth;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Everything logged (at the configured levels) while open: messages, arguments, MDC and stack traces. */
final class CapturedLogs implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private CapturedLogs() {
        appender.start();
        root.addAppender(appender);
    }

    static CapturedLogs start() {
        return new CapturedLogs();
    }

    String text() {
        StringBuilder out = new StringBuilder();
        for (ILoggingEvent event : List.copyOf(appender.list)) {
            out.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(' ')
                    .append(event.getFormattedMessage()).append(' ').append(event.getMDCPropertyMap()).append('\n');
            if (event.getThrowableProxy() != null) {
                out.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
