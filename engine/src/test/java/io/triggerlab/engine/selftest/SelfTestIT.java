package io.triggerlab.engine.selftest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole self-test on a real embedded broker, real H2 and the real Java handler invoker. */
class SelfTestIT {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @Test
    void producesARecord_andTheDemoFunctionEchoesIt(@TempDir Path work) throws Exception {
        SelfTestReport report = new SelfTest(work, Duration.ofSeconds(60), Clock.systemUTC()).execute(out);

        assertThat(report.topic()).isEqualTo(SelfTest.TOPIC);
        assertThat(report.partition()).isZero();
        assertThat(report.offset()).isZero();
        assertThat(report.functionName()).isEqualTo(SelfTest.FUNCTION_NAME);
        assertThat(report.mappingUuid()).matches("[0-9a-f-]{36}");
        assertThat(report.bootstrapServers()).startsWith("127.0.0.1:");
        assertThat(report.response())
                .isEqualTo("{\"handler\":\"EchoHandler\",\"records\":1,\"values\":[\"" + SelfTest.RECORD_VALUE + "\"]}");
        assertThat(report.invocationDuration()).isPositive();
        assertThat(report.total()).isGreaterThan(report.invocationDuration());

        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("embedded broker  " + report.bootstrapServers())
                .contains("trigger          " + report.mappingUuid() + " on topic triggerlab-self-test, Enabled")
                .contains("produced         1 record to triggerlab-self-test-0 at offset 0: " + SelfTest.RECORD_VALUE)
                .contains("invocation       SUCCESS, 1 record(s)")
                .contains("response         " + report.response())
                .contains("Self-test passed in ");
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).as("the temporary data directory is deleted").isEmpty();
        }
    }

    @Test
    void failsNamingTheStep_whenNoDataDirectoryCanBeCreated(@TempDir Path work) throws Exception {
        Path notADirectory = Files.writeString(work.resolve("file"), "x");

        assertThatThrownBy(() -> new SelfTest(notADirectory, Duration.ofSeconds(5), Clock.systemUTC()).execute(out))
                .isInstanceOf(SelfTestFailedException.class)
                .hasMessageStartingWith("Self-test failed while creating a temporary data directory: cannot create a directory in "
                        + notADirectory)
                .satisfies(e -> assertThat(((SelfTestFailedException) e).step()).isEqualTo("creating a temporary data directory"));
    }
}
