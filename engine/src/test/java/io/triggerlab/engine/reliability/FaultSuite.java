package io.triggerlab.engine.reliability;

import io.triggerlab.engine.reliability.RecordingFunction.FaultMix;
import io.triggerlab.engine.infra.sandbox.BrokerSettings;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.infra.sandbox.FreePorts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Counts every record through faults, one kind at a time and then all together (Kafka Connect / Jepsen style): a broker
 * of its own on a fixed port and data directory, headless engines in JVMs of their own ({@code serve}), one function
 * shared by all of them ({@link RecordingFunction}), a {@link DeliveryLedger} of every record and a
 * {@link CommitSampler} watching the group's commits. See {@code docs/reliability.md}.
 */
final class FaultSuite implements AutoCloseable {

    static final int PARTITIONS = 8;
    static final int BATCH_SIZE = 100;
    static final int FUNCTION_TIMEOUT_SECONDS = 1;
    /** Longer than the function timeout plus the invoker's 2 s grace, so the engine's call times out. */
    static final Duration HANG = Duration.ofMillis(3_500);
    private static final String FUNCTION = "fault-fn";

    /** What the suite does while one phase's records flow. */
    @FunctionalInterface
    interface Fault {
        void inject(FaultSuite suite, Progress progress) throws Exception;

        Fault NONE = (suite, progress) -> { };
    }

    /** How far the current phase's records have been delivered. */
    @FunctionalInterface
    interface Progress {
        void awaitDelivered(double fraction);
    }

    /** One phase: a share of the records, a function fault mix, something done before the records flow and during. */
    record Phase(String name, FaultMix mix, Fault before, Fault during) {
    }

    private final Path work;
    private final int brokerPort = FreePorts.pick();
    private final String topic = "fault-suite-" + Long.toHexString(System.nanoTime());
    private final String group = topic + "-group";
    private final DeliveryLedger ledger = new DeliveryLedger(PARTITIONS);
    private final FaultTable table = new FaultTable();
    private final List<String> duplicateRuns = new ArrayList<>();
    private final RecordingFunction function;
    private EmbeddedKafkaBroker broker;
    private EngineProcess engineA;
    private EngineProcess engineB;
    private String mappingB;
    private LoadProducer producer;
    private CommitSampler sampler;

    FaultSuite(Path work, long seed) {
        this.work = work;
        this.function = new RecordingFunction(ledger, HANG, seed);
    }

    private String bootstrap() {
        return "127.0.0.1:" + brokerPort;
    }

    /** Runs every phase with {@code records / phases.size()} records each and returns the table. */
    FaultTable run(int records, List<Phase> phases) throws Exception {
        startBroker();
        broker.createTopic(topic, PARTITIONS);
        engineA = new EngineProcess("engine-a", Files.createDirectories(work.resolve("engine-a")), bootstrap(), work).start();
        engineA.registerFunction(FUNCTION, function.endpoint(), FUNCTION_TIMEOUT_SECONDS);
        String mappingA = engineA.createMapping(FUNCTION, topic, group, BATCH_SIZE);
        engineA.awaitState(mappingA, "Enabled");
        producer = new LoadProducer(bootstrap(), topic, ledger);
        sampler = new CommitSampler(bootstrap(), group, ledger);
        int share = records / phases.size();
        for (Phase phase : phases) {
            runPhase(phase, share);
        }
        awaitEverythingCommitted();
        return table;
    }

    private void runPhase(Phase phase, int share) throws Exception {
        long started = System.nanoTime();
        DeliveryLedger.Counts before = ledger.counts();
        int runsBefore = ledger.duplicateRuns().size();
        long violationsBefore = sampler.violations();
        long[] calls = {function.calls.get(), function.errors.get(), function.timeouts.get(), function.throttles.get()};
        function.inject(phase.mix());
        phase.before().inject(this, fraction -> { });
        CompletableFuture<Void> production = CompletableFuture.runAsync(() -> producer.produce(share, 40, 150));
        phase.during().inject(this, fraction -> await("phase '" + phase.name() + "' " + (int) (fraction * 100)
                + " % delivered").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> ledger.counts().firstDeliveries() - before.firstDeliveries() >= fraction * share));
        production.get(10, TimeUnit.MINUTES);
        long lost;
        try {
            // The function's faults last until the phase's last record is through, so every invocation meets them.
            await("every record of phase '" + phase.name() + "' delivered").atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(250)).until(() -> ledger.lost() == 0);
            lost = 0;
        } catch (ConditionTimeoutException e) {
            lost = ledger.lost();
        } finally {
            function.inject(FaultMix.NONE);
        }
        List<String> runs = ledger.duplicateRuns();
        duplicateRuns.add(phase.name() + ": " + (runs.size() == runsBefore ? "none"
                : String.join("; ", runs.subList(runsBefore, runs.size()))));
        table.add(new FaultTable.Row(phase.name(), ledger.counts().minus(before), lost,
                sampler.violations() - violationsBefore, function.calls.get() - calls[0],
                function.errors.get() - calls[1], function.timeouts.get() - calls[2], function.throttles.get() - calls[3],
                Duration.ofNanos(System.nanoTime() - started)));
    }

    /** The last commits follow the last successes: wait until every partition's committed offset is its end offset. */
    private void awaitEverythingCommitted() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < PARTITIONS; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> end.put(tp, info.offset()));
            await("every partition committed to its end offset " + end).atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(250)).until(() -> {
                        Map<TopicPartition, OffsetAndMetadata> committed = sampler.committed();
                        return end.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                                && committed.get(e.getKey()).offset() == e.getValue());
                    });
            sampler.check(sampler.committed());
        }
    }

    // ---- faults ----

    void restartBroker() {
        broker.close();
        startBroker();
    }

    private void startBroker() {
        broker = EmbeddedKafkaBroker.start(BrokerSettings.inDirectory(work.resolve("broker")).withPort(brokerPort));
    }

    void killAndRestartEngineA() {
        engineA.kill();
        engineA.start();
    }

    /** Starts the second engine (its own data directory, a mapping with the same ConsumerGroupId), once created. */
    void startEngineB() throws Exception {
        if (engineB == null) {
            engineB = new EngineProcess("engine-b", Files.createDirectories(work.resolve("engine-b")), bootstrap(), work);
            engineB.start();
            engineB.registerFunction(FUNCTION, function.endpoint(), FUNCTION_TIMEOUT_SECONDS);
            mappingB = engineB.createMapping(FUNCTION, topic, group, BATCH_SIZE);
        } else {
            engineB.start();
        }
        engineB.awaitState(mappingB, "Enabled");
    }

    void setEngineBEnabled(boolean enabled) {
        engineB.setEnabled(mappingB, enabled);
        engineB.awaitState(mappingB, enabled ? "Enabled" : "Disabled");
    }

    void stopEngineB() {
        engineB.stop();
    }

    long commitSamples() {
        return sampler.samples();
    }

    List<String> problems() {
        List<String> all = new ArrayList<>(ledger.examples());
        all.addAll(sampler.examples());
        return all;
    }

    /** Per phase, each invocation that delivered records again: partition and offsets. */
    List<String> duplicateRuns() {
        return List.copyOf(duplicateRuns);
    }

    long lost() {
        return ledger.lost();
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[]{sampler, producer, engineB, engineA, function, broker}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.err.println("Closing " + c + " failed: " + e);
                }
            }
        }
    }
}
