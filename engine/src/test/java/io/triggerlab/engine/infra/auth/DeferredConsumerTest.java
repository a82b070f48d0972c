package io.triggerlab.engine.infra.auth;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeferredConsumerTest {

    private final List<MockConsumer<byte[], byte[]>> made = new ArrayList<>();
    private final AtomicReference<Object> password = new AtomicReference<>(new Password("one"));

    private Consumer<byte[], byte[]> deferred() {
        return DeferredConsumer.create(() -> {
            Object current = password.get();
            if (current instanceof RuntimeException e) {
                throw e;
            }
            return Map.of("sasl.jaas.config", current);
        }, props -> {
            MockConsumer<byte[], byte[]> mock = new MockConsumer<>("earliest");
            made.add(mock);
            return mock;
        });
    }

    @Test
    void makesNoConsumerUntilItPolls_thenReplaysTheSubscription() {
        Consumer<byte[], byte[]> consumer = deferred();
        consumer.subscribe(List.of("orders"));
        consumer.pause(Set.of());
        assertThat(consumer.assignment()).isEmpty();
        assertThat(made).isEmpty();

        consumer.poll(Duration.ZERO);
        assertThat(made).singleElement().satisfies(m -> assertThat(m.subscription()).containsExactly("orders"));
    }

    @Test
    void aSecretProblem_surfacesFromPoll_andTheNextPollTriesAgain() {
        Consumer<byte[], byte[]> consumer = deferred();
        password.set(new ClientSecurityException(ConnectionProblem.INVALID_CERTIFICATE_OR_KEY, "PBES2 key", null));
        assertThatThrownBy(() -> consumer.poll(Duration.ZERO)).isInstanceOf(ClientSecurityException.class);
        assertThat(made).isEmpty();

        password.set(new Password("fixed"));
        consumer.poll(Duration.ZERO);
        assertThat(made).hasSize(1);
    }

    @Test
    void afterAnAuthenticationFailure_keepsTheConsumer_unlessTheCredentialsChanged() {
        Consumer<byte[], byte[]> consumer = deferred();
        consumer.subscribe(List.of("orders"));
        consumer.poll(Duration.ZERO);
        MockConsumer<byte[], byte[]> first = made.get(0);

        first.setPollException(new SaslAuthenticationException("bad password"));
        assertThatThrownBy(() -> consumer.poll(Duration.ZERO)).isInstanceOf(SaslAuthenticationException.class);
        consumer.poll(Duration.ZERO);
        assertThat(made).hasSize(1);

        password.set(new Password("two"));
        first.setPollException(new SaslAuthenticationException("bad password"));
        assertThatThrownBy(() -> consumer.poll(Duration.ZERO)).isInstanceOf(SaslAuthenticationException.class);
        assertThat(first.closed()).isTrue();
        consumer.poll(Duration.ZERO);
        assertThat(made).hasSize(2);
        assertThat(made.get(1).subscription()).containsExactly("orders");
    }

    @Test
    void closeWithoutAConsumer_isFine_andToStringShowsNoSecrets() {
        Consumer<byte[], byte[]> consumer = deferred();
        assertThat(consumer.toString()).isEqualTo("DeferredConsumer[not connected]");
        consumer.close();
        assertThatThrownBy(() -> consumer.poll(Duration.ZERO)).isInstanceOf(IllegalStateException.class);
    }
}
