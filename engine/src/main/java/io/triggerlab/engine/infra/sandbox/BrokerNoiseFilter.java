package io.triggerlab.engine.infra.sandbox;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.apache.kafka.common.errors.NotControllerException;
import org.slf4j.Marker;

import java.util.List;

/**
 * Drops the embedded broker's routine WARN/ERROR lines that appear on every healthy start, restart or stop, so that
 * a warning in the log always means something. Only exact, known messages from the broker's own loggers are dropped;
 * the same loggers stay on WARN for everything else, and client warnings (e.g. "Connection to node ... could not be
 * established") are untouched. Wired in {@code logback.xml} and {@code logback-test.xml} as a {@code turboFilter}.
 */
public final class BrokerNoiseFilter extends TurboFilter {

    /** A line the broker logs at WARN although nothing is wrong. */
    private record Routine(String logger, String messagePart) {
    }

    private static final List<Routine> ROUTINE = List.of(
            // Every start: the controller activates itself (and on a new directory writes its bootstrap records).
            new Routine("org.apache.kafka.controller.QuorumController", "Performing controller activation."),
            // Every stop: the broker's registration channel closes its client twice.
            new Routine("org.apache.kafka.clients.NetworkClient",
                    "Attempting to close NetworkClient that has already been closed."));

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (format == null || level == null || !level.isGreaterOrEqual(Level.WARN)) {
            return FilterReply.NEUTRAL;
        }
        if (ROUTINE.stream().anyMatch(r -> r.logger().equals(logger.getName()) && format.contains(r.messagePart()))) {
            return FilterReply.DENY;
        }
        // A restart: the broker registers before the controller has re-elected itself, is told to retry, and does.
        if (logger.getName().equals("kafka.server.ControllerApis") && isCausedBy(throwable(params, t), NotControllerException.class)) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    private static Throwable throwable(Object[] params, Throwable t) {
        if (t != null) {
            return t;
        }
        if (params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
            return last;
        }
        return null;
    }

    private static boolean isCausedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
