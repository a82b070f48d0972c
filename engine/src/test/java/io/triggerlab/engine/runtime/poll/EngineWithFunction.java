package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.observe.events.EngineEventBus;
import io.triggerlab.engine.observe.metrics.MetricsSettings;
import io.triggerlab.engine.testing.SharedKafkaBroker;
import io.triggerlab.engine.testing.TempDirectories;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The fixture most poller ITs start from, as one field: before each test an engine on the shared broker in a fresh
 * data directory, with function {@code fn} behind a local Invoke API (3 s timeout); after it, all of it closed.
 * <pre>{@code @RegisterExtension final EngineWithFunction fixture = new EngineWithFunction(MetricsSettings.defaults());}</pre>
 */
final class EngineWithFunction implements BeforeEachCallback, AfterEachCallback {

    static final String FUNCTION = "fn";

    private final MetricsSettings metrics;
    private EmbeddedKafkaBroker broker;
    private Path dataDir;
    private EngineHarness harness;
    private InvokeApiFunction function;

    EngineWithFunction(MetricsSettings metrics) {
        this.metrics = metrics;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        broker = SharedKafkaBroker.broker(context);
        dataDir = Files.createTempDirectory("triggerlab-it-engine-");
        harness = new EngineHarness(broker.bootstrapServers(), dataDir, metrics, new EngineEventBus());
        function = new InvokeApiFunction();
        harness.registerInvokeApiFunction(FUNCTION, function, Duration.ofSeconds(3));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            harness.close();
        } finally {
            function.close();
            TempDirectories.deleteRecursively(dataDir);
        }
    }

    EmbeddedKafkaBroker broker() {
        return broker;
    }

    EngineHarness harness() {
        return harness;
    }

    InvokeApiFunction function() {
        return function;
    }
}
