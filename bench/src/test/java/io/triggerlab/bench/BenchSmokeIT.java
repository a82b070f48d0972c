package io.triggerlab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark, tiny, in the normal build so it cannot rot (issue 7): every kind of variant runs end to end against a
 * real broker and engine, and the table and JSON come out. No figure is judged: this is not a timed test.
 */
class BenchSmokeIT {

    @Test
    void tinyRun_measuresEveryKindOfVariant_andWritesTableAndJson() throws Exception {
        Path json = Path.of("target", "bench-smoke.json");
        BenchOptions options = BenchOptions.parse(new String[] {"records=50000", "rounds=1", "maxSeconds=20",
                "latencySeconds=1", "rate=200", "workDir=target/bench-smoke-work", "json=" + json,
                "variants=raw,minimal,engine-10000-w0,engine-10000-w0-bare,latency-raw,latency-engine-w0"});

        Report report = BenchMain.run(options);

        Results results = report.results();
        assertThat(results.throughput()).containsOnlyKeys("raw", "minimal", "engine-10000-w0", "engine-10000-w0-bare");
        results.throughput().forEach((id, rounds) -> assertThat(rounds).as(id).singleElement()
                .satisfies(t -> assertThat(t.records()).isPositive()));
        assertThat(results.latency()).containsOnlyKeys("latency-raw", "latency-engine-w0");
        results.latency().forEach((id, rounds) -> assertThat(rounds).as(id).singleElement()
                .satisfies(l -> assertThat(l.samples()).isPositive()));
        assertThat(results.payloadsKept().get("engine-10000-w0")).singleElement()
                .satisfies(kept -> assertThat(kept.invocations()).isPositive());
        assertThat(report.table()).contains("engine-10000-w0-bare", "history payloads + metrics:", "latency-engine-w0");
        JsonNode written = new ObjectMapper().readTree(Files.readString(json));
        assertThat(written.path("throughput").path("engine-10000-w0").path("ratioToMinimal").asDouble()).isPositive();
    }
}
