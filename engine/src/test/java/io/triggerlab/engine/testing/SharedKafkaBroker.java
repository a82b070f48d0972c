package io.triggerlab.engine.testing;

import io.triggerlab.engine.infra.sandbox.BrokerSettings;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real embedded Kafka broker for the whole test JVM run, shared by every test class that asks for it.
 * Starting a broker takes a few seconds, so integration tests share this one and keep apart by using their own
 * topics ({@link TestTopics#unique(String)}) and consumer groups.
 * <p>
 * Usage, in any {@code *IT} class:
 * <pre>{@code
 * @ExtendWith(SharedKafkaBroker.class)
 * class MyPollerIT {
 *     private final EmbeddedKafkaBroker broker;
 *
 *     MyPollerIT(EmbeddedKafkaBroker broker) {       // or a parameter of a @Test / @BeforeAll / @BeforeEach method
 *         this.broker = broker;
 *     }
 *
 *     @Test
 *     void consumesWhatWasProduced() {
 *         String topic = TestTopics.unique("orders");
 *         broker.createTopic(topic, 3);
 *         ... kafka-clients against broker.bootstrapServers() ...
 *     }
 * }
 * }</pre>
 * The broker starts on first use in a temporary directory with a PLAINTEXT listener on a free 127.0.0.1 port.
 * It lives in the root {@link ExtensionContext.Store}, so JUnit closes it (and deletes its directory) once, when the
 * whole run ends. Do not close the injected broker yourself; tests that need to stop or restart a broker start
 * their own with {@link EmbeddedKafkaBroker#start(BrokerSettings)}.
 */
public final class SharedKafkaBroker implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedKafkaBroker.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EmbeddedKafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return broker(extensionContext);
    }

    /** The shared broker, started on the first call of the run. For extensions and helpers that hold a context. */
    public static EmbeddedKafkaBroker broker(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunningBroker.class, key -> RunningBroker.start(), RunningBroker.class)
                .broker();
    }

    /** The broker with its temporary directory; JUnit closes it at the end of the run because it is AutoCloseable. */
    private record RunningBroker(EmbeddedKafkaBroker broker, Path directory) implements AutoCloseable {

        static RunningBroker start() {
            Path directory = createTempDirectory();
            try {
                return new RunningBroker(EmbeddedKafkaBroker.start(BrokerSettings.inDirectory(directory)), directory);
            } catch (RuntimeException e) {
                TempDirectories.deleteRecursively(directory);
                throw e;
            }
        }

        private static Path createTempDirectory() {
            try {
                return Files.createTempDirectory("triggerlab-shared-broker-");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a temporary directory for the shared test broker", e);
            }
        }

        @Override
        public void close() {
            try {
                broker.close();
            } finally {
                TempDirectories.deleteRecursively(directory);
            }
        }
    }
}
