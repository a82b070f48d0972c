package io.triggerlab.engine.infra.sandbox;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.apache.kafka.common.errors.NotControllerException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerNoiseFilterTest {

    private final LoggerContext context = new LoggerContext();
    private final BrokerNoiseFilter filter = new BrokerNoiseFilter();

    @Test
    void dropsTheControllerActivationWarning_thatEveryStartLogs() {
        assertThat(decide("org.apache.kafka.controller.QuorumController", Level.WARN,
                "[QuorumController id=1] Performing controller activation. The metadata log appears to be empty.", null))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void dropsTheDoubleCloseWarning_thatEveryStopLogs() {
        assertThat(decide("org.apache.kafka.clients.NetworkClient", Level.WARN,
                "[NodeToControllerChannelManager id=1 name=registration] Attempting to close NetworkClient that has already been closed.",
                null)).isEqualTo(FilterReply.DENY);
    }

    @Test
    void dropsTheRetriedRegistrationError_thatARestartLogs() {
        Throwable retried = new CompletionException(new NotControllerException("The active controller appears to be node 1."));

        assertThat(decide("kafka.server.ControllerApis", Level.ERROR, "Unexpected error handling request ...", retried))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void keepsEveryOtherWarning() {
        assertThat(decide("org.apache.kafka.clients.NetworkClient", Level.WARN,
                "[Consumer clientId=c, groupId=g] Connection to node -1 (/127.0.0.1:9) could not be established.", null))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("kafka.server.ControllerApis", Level.ERROR, "Unexpected error handling request ...",
                new IllegalStateException("disk full"))).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("io.triggerlab.engine.Engine", Level.WARN, "Performing controller activation.", null))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    private FilterReply decide(String logger, Level level, String message, Throwable t) {
        return filter.decide(null, context.getLogger(logger), level, message, null, t);
    }
}
