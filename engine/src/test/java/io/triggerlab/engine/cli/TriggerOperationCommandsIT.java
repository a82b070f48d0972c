package io.triggerlab.engine.cli;

import io.triggerlab.engine.Engine;
import io.triggerlab.engine.infra.cluster.TestRecord;
import io.triggerlab.engine.observe.history.HistoryQuery;
import io.triggerlab.engine.observe.history.InvocationSummary;
import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.controlplane.mapping.SelfManagedEventSource;
import io.triggerlab.engine.controlplane.mapping.UpdateEventSourceMappingRequest;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.testing.SharedKafkaBroker;
import io.triggerlab.engine.testing.TestTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code triggerlab trigger reset-offsets} and {@code triggerlab history replay} through a running engine's API. */
@ExtendWith(SharedKafkaBroker.class)
class TriggerOperationCommandsIT {

    private final EmbeddedKafkaBroker broker;
    private Engine engine;
    private String endpoint;

    TriggerOperationCommandsIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeEach
    void start(@TempDir Path dataDir) {
        engine = CliEngine.start(broker.bootstrapServers(), dataDir);
        endpoint = engine.apiEndpoint().toString();
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private EventSourceMapping deliveredMapping(String topic) {
        broker.createTopic(topic, 1);
        engine.producer().send(topic, List.of(new TestRecord(0, null, "v1".getBytes(StandardCharsets.UTF_8), List.of())));
        EventSourceMapping mapping = engine.mappings().create(CreateEventSourceMappingRequest.builder()
                .functionName("cat").topics(List.of(topic)).startingPosition("TRIM_HORIZON")
                .selfManagedEventSource(SelfManagedEventSource.ofBootstrapServers(List.of(broker.bootstrapServers())))
                .maximumBatchingWindowInSeconds(0).build());
        await().until(() -> engine.history().count(mapping.uuid()) >= 1);
        return mapping;
    }

    @Test
    void tags_showsAddsAndRemoves_throughLambdasTaggingOperations() {
        EventSourceMapping mapping = engine.mappings().create(CreateEventSourceMappingRequest.builder()
                .functionName("cat").topics(List.of(TestTopics.unique("cli-tags"))).startingPosition("LATEST")
                .enabled(false).tags(Map.of("env", "dev"))
                .selfManagedEventSource(SelfManagedEventSource.ofBootstrapServers(List.of(broker.bootstrapServers())))
                .build());

        CliRun shown = CliRun.of("trigger", "tags", mapping.uuid(), "--endpoint", endpoint);
        CliRun changed = CliRun.of("trigger", "tags", mapping.uuid(), "--add", "team=payments", "--remove", "env", "--endpoint", endpoint);
        CliRun bad = CliRun.of("trigger", "tags", mapping.uuid(), "--add", "nokey", "--endpoint", endpoint);

        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).isEqualTo("Tags of " + mapping.eventSourceMappingArn() + ":" + System.lineSeparator()
                + "  env = dev" + System.lineSeparator());
        assertThat(changed.exitCode()).as(changed.err()).isZero();
        assertThat(changed.out()).isEqualTo("Tags of " + mapping.eventSourceMappingArn() + ":" + System.lineSeparator()
                + "  team = payments" + System.lineSeparator());
        assertThat(bad.exitCode()).isEqualTo(TriggerLabCli.EXIT_USAGE);
        assertThat(bad.err()).contains("--add nokey is not KEY=VALUE: write it as team=payments");
    }

    @Test
    void resetOffsets_printsEachPartitionBeforeAndAfter_andIsRefusedWhileEnabled() {
        EventSourceMapping mapping = deliveredMapping(TestTopics.unique("cli-reset"));
        await().until(() -> engine.mappings().get(mapping.uuid()).state() == MappingState.ENABLED);

        CliRun refused = CliRun.of("trigger", "reset-offsets", mapping.uuid(), "--to", "earliest", "--endpoint", endpoint);
        engine.mappings().update(mapping.uuid(), UpdateEventSourceMappingRequest.builder().enabled(false).build());
        await().until(() -> engine.mappings().get(mapping.uuid()).state() == MappingState.DISABLED);
        CliRun reset = CliRun.of("trigger", "reset-offsets", mapping.uuid(), "--to", "earliest", "--endpoint", endpoint);
        CliRun badTarget = CliRun.of("trigger", "reset-offsets", mapping.uuid(), "--to", "yesterday", "--endpoint", endpoint);

        assertThat(refused.exitCode()).isEqualTo(TriggerLabCli.EXIT_USAGE);
        assertThat(refused.err()).contains("ResourceInUseException: Disable the trigger before resetting its offsets: "
                + mapping.uuid() + " is Enabled");
        assertThat(reset.exitCode()).as(reset.err()).isZero();
        assertThat(reset.out()).contains("Reset consumer group " + mapping.uuid() + " on topic " + mapping.topic()
                + " to earliest").containsPattern("0\\s+1\\s+0");
        assertThat(badTarget.err()).contains("Cannot reset offsets to 'yesterday': use earliest, latest or an ISO-8601");
    }

    @Test
    void replay_sendsTheEventAgain_andTheHistoryListsItAsAReplay() {
        EventSourceMapping mapping = deliveredMapping(TestTopics.unique("cli-replay"));
        long original = engine.history().list(HistoryQuery.ofMapping(mapping.uuid(), 10)).get(0).id();

        CliRun replay = CliRun.of("history", "replay", String.valueOf(original), "--endpoint", endpoint);
        CliRun listed = CliRun.of("history", "--mapping", mapping.uuid(), "--endpoint", endpoint);
        CliRun missing = CliRun.of("history", "replay", "999999", "--endpoint", endpoint);

        assertThat(replay.exitCode()).as(replay.err()).isZero();
        InvocationSummary newest = engine.history().list(HistoryQuery.ofMapping(mapping.uuid(), 10)).get(0);
        assertThat(replay.out()).contains("Replayed #" + original + " as #" + newest.id() + ": SUCCESS");
        assertThat(listed.out()).contains("(replay of #" + original + ")");
        assertThat(missing.exitCode()).isEqualTo(TriggerLabCli.EXIT_USAGE);
        assertThat(missing.err()).contains("ResourceNotFoundException: Invocation #999999 is not in the history");
    }
}
