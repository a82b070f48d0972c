package io.triggerlab.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema decode benchmark, tiny, in the normal build so it cannot rot; no figure is judged. */
class SchemaDecodeBenchSmokeIT {

    @Test
    void tinyRun_measuresBothPaths_andPrintsTheRatio() {
        SchemaDecodeBench.Result result = SchemaDecodeBench.run(2_000, 1);

        assertThat(result.averageValueBytes()).as("about 1 KB values").isBetween(900L, 1_200L);
        assertThat(result.plainPerSecond()).isPositive();
        assertThat(result.decodedPerSecond()).isPositive();
        assertThat(result.table()).contains("Avro decoded to JSON", "decoded / plain");
    }
}
