package io.triggerlab.engine.observe.metrics;

import org.apache.kafka.common.errors.LeaderNotAvailableException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LagUnavailableExceptionTest {

    @Test
    void aTopicTheBrokerDoesNotListYetOrWithoutLeaders_isBeingCreated() {
        assertThat(new LagUnavailableException("x", new UnknownTopicOrPartitionException("no topic")).status())
                .isEqualTo(LagStatus.TOPIC_NOT_READY);
        assertThat(new LagUnavailableException("x", new LeaderNotAvailableException("no leader")).status())
                .isEqualTo(LagStatus.TOPIC_NOT_READY);
    }

    @Test
    void anythingElse_isABrokerThatCouldNotBeRead() {
        assertThat(new LagUnavailableException("x", new TimeoutException("slow")).status()).isEqualTo(LagStatus.UNREADABLE);
        assertThat(new LagUnavailableException("x", new SaslAuthenticationException("bad")).status())
                .isEqualTo(LagStatus.UNREADABLE);
        assertThat(new LagUnavailableException("x", null).status()).isEqualTo(LagStatus.UNREADABLE);
    }
}
