package io.triggerlab.engine.cli;

import io.triggerlab.engine.Version;
import io.triggerlab.engine.infra.store.DataDirectory;
import io.triggerlab.engine.testing.JavaProcess;
import io.triggerlab.engine.testing.KafkaTestClients;
import io.triggerlab.engine.testing.TestTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI as users run it: a separate JVM, real signals, real exit codes. */
class CliIT {

    private static final String CLI = TriggerLabCli.class.getName();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern BOOTSTRAP_LINE =
            Pattern.compile("Kafka bootstrap servers: (127\\.0\\.0\\.1:\\d+) \\(embedded sandbox\\)");
    /** 128 + SIGTERM: how a JVM ends after its shutdown hooks ran on {@code kill}. */
    private static final int EXIT_ON_SIGTERM = 143;

    @TempDir
    Path dataDirectory;

    @Test
    void servesTheSandboxBrokerUntilTerminated_thenStopsCleanly() throws Exception {
        try (JavaProcess serve = JavaProcess.start(CLI, List.of("serve", "--data-dir", dataDirectory.toString(),
                "--api-port", "0"), Map.of())) {
            Matcher bootstrapLine = BOOTSTRAP_LINE.matcher(serve.awaitStdout(BOOTSTRAP_LINE.asPredicate(), START_TIMEOUT));
            assertThat(bootstrapLine.matches()).isTrue();
            String bootstrap = bootstrapLine.group(1);
            assertThat(serve.stdout()).contains("Data directory: " + dataDirectory);

            assertRoundTrip(bootstrap);

            serve.terminate();
            assertThat(serve.awaitExit(EXIT_TIMEOUT)).isEqualTo(EXIT_ON_SIGTERM);
            assertThat(serve.stdout()).containsSubsequence("Stopping TriggerLab engine...", "TriggerLab engine stopped.");
            assertThat(serve.stdout()).anyMatch(line -> line.contains("Embedded Kafka broker at " + bootstrap + " stopped in"));
            assertThat(serve.stderr()).isEmpty();
        }
    }

    @Test
    void printsItsVersion() {
        try (JavaProcess version = JavaProcess.start(CLI, "--version")) {
            assertThat(version.awaitExit(EXIT_TIMEOUT)).isZero();
            assertThat(version.stdout()).containsExactly("triggerlab " + Version.current());
        }
    }

    @Test
    @SuppressWarnings("try") // the resource is held only for its lock
    void exitsWithCode2AndOneLine_whenTheDataDirectoryIsInUse() {
        try (DataDirectory held = DataDirectory.open(dataDirectory);
             JavaProcess serve = JavaProcess.start(CLI, "serve", "--data-dir", dataDirectory.toString())) {

            assertThat(serve.awaitExit(EXIT_TIMEOUT)).isEqualTo(2);
            assertThat(serve.stderr()).containsExactly("triggerlab: The TriggerLab data directory " + dataDirectory
                    + " is in use by another TriggerLab process. Stop that process, or start this one with another"
                    + " directory (--data-dir or TRIGGERLAB_HOME).");
            assertThat(serve.stdout()).noneMatch(line -> line.startsWith("Kafka bootstrap servers"));
        }
    }

    @Test
    void exitsWithCode2AndOneLine_whenTheSandboxPortIsTaken() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             JavaProcess serve = JavaProcess.start(CLI, "serve", "--data-dir", dataDirectory.toString(),
                     "--sandbox-port", String.valueOf(squatter.getLocalPort()))) {
            int taken = squatter.getLocalPort();

            assertThat(serve.awaitExit(EXIT_TIMEOUT)).isEqualTo(2);
            assertThat(serve.stderr()).containsExactly("triggerlab: The embedded Kafka broker did not start at 127.0.0.1:"
                    + taken + " (data directory " + dataDirectory.resolve("sandbox-broker").resolve("kraft") + "): port "
                    + taken + " of listener PLAINTEXT is already in use by another process."
                    + " Choose another port, or 0 for any free port.");
        }
    }

    @Test
    void runsFromThePackagedJar() {
        // Failsafe runs after `package`, so the jar and its lib/ directory exist; the manifest's classpath must work.
        try (JavaProcess jar = JavaProcess.startJar(Path.of("target", "triggerlab-engine.jar"), "--version")) {
            assertThat(jar.awaitExit(EXIT_TIMEOUT)).isZero();
            assertThat(jar.stdout()).containsExactly("triggerlab " + Version.current());
        }
    }

    private static void assertRoundTrip(String bootstrap) throws Exception {
        String topic = TestTopics.unique("cli");
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(bootstrap)) {
            producer.send(new ProducerRecord<>(topic, "k", "hello from the CLI test")).get(60, TimeUnit.SECONDS);
        }
        try (KafkaConsumer<String, String> consumer = KafkaTestClients.consumer(bootstrap, TestTopics.uniqueGroup("cli"))) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> records = KafkaTestClients.pollUntil(consumer, 1, Duration.ofSeconds(60));
            assertThat(records).extracting(ConsumerRecord::value).containsExactly("hello from the CLI test");
        }
    }
}
