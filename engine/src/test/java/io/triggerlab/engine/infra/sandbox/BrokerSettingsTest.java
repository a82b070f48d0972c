package io.triggerlab.engine.infra.sandbox;

import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrokerSettingsTest {

    private static final Path DIR = Path.of("/tmp/broker");

    @Test
    void defaultsToOnePlaintextListenerOnAFreePort() {
        BrokerSettings settings = BrokerSettings.inDirectory(DIR);

        assertThat(settings.listeners()).containsExactly(new SandboxListener("PLAINTEXT", SecurityProtocol.PLAINTEXT, 0));
        assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.extraProperties()).isEmpty();
    }

    @Test
    void movesOnlyThePlaintextListener_whenGivenAPort() {
        SandboxListener sasl = new SandboxListener("SASL_SSL", SecurityProtocol.SASL_SSL, 0);

        BrokerSettings settings = BrokerSettings.inDirectory(DIR).withListener(sasl).withPort(19092);

        assertThat(settings.plaintextListener().port()).isEqualTo(19092);
        assertThat(settings.listener("SASL_SSL")).isEqualTo(sasl);
    }

    @Test
    void replacesAListenerOfTheSameName() {
        BrokerSettings settings = BrokerSettings.inDirectory(DIR)
                .withListener(new SandboxListener("SSL", SecurityProtocol.SSL, 0))
                .withListener(new SandboxListener("SSL", SecurityProtocol.SSL, 19094));

        assertThat(settings.listeners()).extracting(SandboxListener::name).containsExactly("PLAINTEXT", "SSL");
        assertThat(settings.listener("SSL").port()).isEqualTo(19094);
    }

    @Test
    void mergesExtraProperties() {
        BrokerSettings settings = BrokerSettings.inDirectory(DIR)
                .withExtraProperties(Map.of("a", "1", "b", "2"))
                .withExtraProperties(Map.of("b", "3"));

        assertThat(settings.extraProperties()).containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "3"));
    }

    @Test
    void refusesSettingsWithoutAPlaintextListener() {
        List<SandboxListener> onlySsl = List.of(new SandboxListener("SSL", SecurityProtocol.SSL, 0));

        assertThatThrownBy(() -> new BrokerSettings(DIR, onlySsl, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The sandbox broker needs a PLAINTEXT listener (the broker talks to itself on it);"
                        + " listeners given: [SSL]");
    }

    @Test
    void refusesDuplicateListenerNames() {
        List<SandboxListener> twice = List.of(SandboxListener.plaintext(0), SandboxListener.plaintext(1));

        assertThatThrownBy(() -> new BrokerSettings(DIR, twice, null, null))
                .hasMessage("Listener name PLAINTEXT is given twice: names must be unique");
    }

    @Test
    void refusesPortsOutOfRange() {
        assertThatThrownBy(() -> BrokerSettings.inDirectory(DIR).withPort(70000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Port 70000 of listener PLAINTEXT is out of range: must be 0..65535 (0 = any free port)");
    }

    @Test
    void refusesTheReservedControllerName() {
        assertThatThrownBy(() -> new SandboxListener("CONTROLLER", SecurityProtocol.PLAINTEXT, 0))
                .hasMessage("Listener name CONTROLLER is reserved for the broker's controller: choose another name");
    }

    @Test
    void refusesListenerNamesKafkaCannotUse() {
        assertThatThrownBy(() -> new SandboxListener("sasl-ssl", SecurityProtocol.SASL_SSL, 0))
                .hasMessage("Listener name 'sasl-ssl' is not valid: use upper case letters, digits and underscores, e.g. SASL_SSL");
    }

    @Test
    void refusesANonPositiveStartupTimeout() {
        assertThatThrownBy(() -> BrokerSettings.inDirectory(DIR).withStartupTimeout(Duration.ZERO))
                .hasMessage("Broker startup timeout PT0S must be positive");
    }

    @Test
    void namesTheExistingListeners_whenAskedForAnUnknownOne() {
        assertThatThrownBy(() -> BrokerSettings.inDirectory(DIR).listener("SSL"))
                .hasMessage("The sandbox broker has no listener named SSL; its listeners are [PLAINTEXT]");
    }

    @Test
    void writesEveryListenerAndTheControllerIntoTheBrokerProperties() {
        BrokerSettings settings = BrokerSettings.inDirectory(DIR)
                .withListener(new SandboxListener("SASL_SSL", SecurityProtocol.SASL_SSL, 0))
                .withExtraProperties(Map.of("sasl.enabled.mechanisms", "SCRAM-SHA-512"));
        List<SandboxListener> bound = List.of(SandboxListener.plaintext(9092),
                new SandboxListener("SASL_SSL", SecurityProtocol.SASL_SSL, 9093));

        Map<String, Object> props = BrokerProperties.properties(settings, DIR.resolve("kraft"), bound, 9999);

        assertThat(props).containsEntry("listeners",
                        "PLAINTEXT://127.0.0.1:9092,SASL_SSL://127.0.0.1:9093,CONTROLLER://127.0.0.1:9999")
                .containsEntry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9999")
                .containsEntry("inter.broker.listener.name", "PLAINTEXT")
                .containsEntry("server.max.startup.time.ms", "60000")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("sasl.enabled.mechanisms", "SCRAM-SHA-512");
    }
}
