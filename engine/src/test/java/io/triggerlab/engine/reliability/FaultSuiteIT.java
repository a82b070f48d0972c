package io.triggerlab.engine.reliability;

import io.triggerlab.engine.reliability.FaultSuite.Phase;
import io.triggerlab.engine.reliability.RecordingFunction.FaultMix;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite (docs/reliability.md). By default a short run for CI: 5 000 records, function faults, {@code kill -9}
 * of an engine process and a second engine process joining and leaving the group. The full run (100 000 records,
 * every fault alone and then all together) is {@code ./mvnw -B -pl engine verify -Pfaults}; the table lands in
 * {@code engine/target/fault-suite/fault-table.md} and on stdout.
 */
class FaultSuiteIT {

    static final String RECORDS = "triggerlab.faults.records";
    static final String FULL = "triggerlab.faults.full";

    private static final FaultMix FUNCTION_ERRORS = new FaultMix(0.10, 0, 0);
    private static final FaultMix TIMEOUTS = new FaultMix(0, 0.05, 0);
    private static final FaultMix THROTTLING = new FaultMix(0, 0, 0.20);
    private static final FaultMix EVERYTHING = new FaultMix(0.10, 0.02, 0.05);

    private static final FaultSuite.Fault BROKER_RESTART = (suite, progress) -> {
        progress.awaitDelivered(0.3);
        suite.restartBroker();
    };
    private static final FaultSuite.Fault KILL_9 = (suite, progress) -> {
        progress.awaitDelivered(0.3);
        suite.killAndRestartEngineA();
    };
    private static final FaultSuite.Fault START_B = (suite, progress) -> suite.startEngineB();
    private static final FaultSuite.Fault SCALE_B = (suite, progress) -> {
        progress.awaitDelivered(0.2);
        suite.setEngineBEnabled(false);
        progress.awaitDelivered(0.5);
        suite.setEngineBEnabled(true);
        progress.awaitDelivered(0.8);
        suite.stopEngineB();
    };
    private static final FaultSuite.Fault ALL = (suite, progress) -> {
        progress.awaitDelivered(0.15);
        suite.restartBroker();
        progress.awaitDelivered(0.35);
        suite.killAndRestartEngineA();
        progress.awaitDelivered(0.55);
        suite.setEngineBEnabled(false);
        progress.awaitDelivered(0.7);
        suite.setEngineBEnabled(true);
        progress.awaitDelivered(0.85);
        suite.stopEngineB();
    };

    static List<Phase> fullPhases() {
        return List.of(
                new Phase("function errors (10 % of calls)", FUNCTION_ERRORS, FaultSuite.Fault.NONE, FaultSuite.Fault.NONE),
                new Phase("timeouts (5 % of calls hang past the timeout)", TIMEOUTS, FaultSuite.Fault.NONE, FaultSuite.Fault.NONE),
                new Phase("throttling (20 % of calls answer 429)", THROTTLING, FaultSuite.Fault.NONE, FaultSuite.Fault.NONE),
                new Phase("broker restart (close + start, same port and data)", FaultMix.NONE, FaultSuite.Fault.NONE, BROKER_RESTART),
                new Phase("kill -9 of engine A, restart on its data directory", FaultMix.NONE, FaultSuite.Fault.NONE, KILL_9),
                new Phase("engine B (own data dir, same ConsumerGroupId) joins; its consumers removed, added, stopped",
                        FaultMix.NONE, START_B, SCALE_B),
                new Phase("all together", EVERYTHING, START_B, ALL));
    }

    static List<Phase> shortPhases() {
        return List.of(
                new Phase("function errors, timeouts and throttling", new FaultMix(0.10, 0.08, 0.10),
                        FaultSuite.Fault.NONE, FaultSuite.Fault.NONE),
                new Phase("kill -9 of engine A, restart on its data directory", FaultMix.NONE, FaultSuite.Fault.NONE, KILL_9),
                new Phase("engine B (own data dir, same ConsumerGroupId) joins; its consumers removed, added, stopped",
                        FaultMix.NONE, START_B, SCALE_B));
    }

    @Test
    void losesNothing_keepsPartitionOrder_andNeverCommitsPastAnUndeliveredRecord_underFaults() throws Exception {
        boolean full = Boolean.getBoolean(FULL);
        int records = Integer.getInteger(RECORDS, full ? 100_000 : 5_000);
        List<Phase> phases = full ? fullPhases() : shortPhases();
        Path work = Files.createDirectories(Path.of("target", "fault-suite",
                "run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));

        FaultTable table;
        long samples;
        List<String> problems;
        List<String> duplicateRuns;
        try (FaultSuite suite = new FaultSuite(work, 11)) {
            table = suite.run(records, phases);
            samples = suite.commitSamples();
            problems = suite.problems();
            duplicateRuns = suite.duplicateRuns();
        }

        String report = "Fault suite, " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + ", "
                + records + " records over " + FaultSuite.PARTITIONS + " partitions, BatchSize " + FaultSuite.BATCH_SIZE
                + (full ? " (full run, -Pfaults)" : " (CI run)") + ", " + samples + " commit samples\n\n"
                + table.markdown() + "\nDuplicates, by invocation that repeated records:\n- "
                + String.join("\n- ", duplicateRuns) + "\n" + (problems.isEmpty() ? "" : "\nProblems:\n- " + String.join("\n- ", problems) + "\n");
        System.out.println(report);
        Files.writeString(work.getParent().resolve("fault-table.md"), report, StandardCharsets.UTF_8);

        FaultTable.Row total = table.total();
        assertThat(total.counts().produced()).as("records produced").isEqualTo(records / phases.size() * phases.size());
        assertThat(total.lostAtEnd()).as("records lost").isZero();
        assertThat(total.counts().outOfOrder()).as("first deliveries out of order within a partition").isZero();
        assertThat(total.counts().wrongValues()).as("records delivered with a value that was not produced").isZero();
        assertThat(total.commitViolations()).as("commits past an undelivered record").isZero();
        assertThat(total.counts().firstDeliveries()).isEqualTo(total.counts().produced());
        // Failed invocations are retried whole and never count as delivered: function faults alone duplicate nothing.
        assertThat(table.rows().get(0).counts().duplicates()).as("duplicates from function faults alone").isZero();
        assertThat(table.rows().get(0).errors()).as("function errors injected").isPositive();
    }
}
