package io.triggerlab.engine.cli;

import io.triggerlab.engine.observe.metrics.CounterTotals;
import io.triggerlab.engine.observe.metrics.EsmMetric;
import io.triggerlab.engine.observe.metrics.LagTrend;
import io.triggerlab.engine.infra.store.MetricStore;
import io.triggerlab.engine.observe.metrics.MetricsSettings;
import io.triggerlab.engine.observe.metrics.MetricsSnapshot;
import io.triggerlab.engine.observe.metrics.ScalingDecision;
import io.triggerlab.engine.infra.store.ScalingDecisionLog;
import io.triggerlab.engine.observe.metrics.ScalingReason;
import io.triggerlab.engine.infra.store.DataDirectory;
import io.triggerlab.engine.infra.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code triggerlab metrics} reading the data directory's database while no engine holds it. */
class MetricsCommandTest {

    private static final String MAPPING = "0c6f2d1e-5b7a-4f3e-8d9c-1a2b3c4d5e6f";
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void printsAStoredSeries_andTheScalingDecisions(@TempDir Path dir) {
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
        try (DataDirectory held = DataDirectory.open(dir); Database db = Database.open(held.databaseFile())) {
            MetricStore store = new MetricStore(db.dataSource(), MetricsSettings.defaults());
            for (int i = 0; i < 3; i++) {
                store.write(new MetricsSnapshot(MAPPING, minute.plusSeconds(5L * i), Duration.ofSeconds(5),
                        Map.of(EsmMetric.INVOKED_EVENT_COUNT, 7.0), List.of(), LagTrend.STEADY, new CounterTotals(Map.of())));
            }
            new ScalingDecisionLog(db.dataSource()).append(new ScalingDecision(0, MAPPING, minute, 2, 1,
                    ScalingReason.LAG_GONE, "OffsetLag was 0 for the last 60 s"));
        }

        assertThat(run("metrics", "--mapping", MAPPING, "--metric", "invokedeventcount", "--resolution", "1m",
                "--data-dir", dir.toString())).isZero();
        assertThat(out.toString()).contains("InvokedEventCount of mapping " + MAPPING + ", every PT1M")
                .containsPattern(minute + "\\s+21\\.00\\s+7\\.00\\s+7\\.00\\s+3\\R");

        out.getBuffer().setLength(0);
        assertThat(run("metrics", "--mapping", MAPPING, "--scaling", "--data-dir", dir.toString())).isZero();
        assertThat(out.toString()).contains("2 -> 1  LAG_GONE       OffsetLag was 0 for the last 60 s");
    }

    @Test
    void refusesAnUnknownMetric_inOneLine(@TempDir Path dir) {
        assertThat(run("metrics", "--mapping", MAPPING, "--metric", "Lag", "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("triggerlab: Unknown metric 'Lag': must be one of PolledEventCount,");
    }

    private int run(String... args) {
        CommandLine cli = new TriggerLabCli(new CliEnvironment(Map.of(), "/home/nobody")).commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
