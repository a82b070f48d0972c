package io.triggerlab.junit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The extension's own promises, checked by running small test classes through JUnit's test kit: a failing wait says
 * what did happen, the engine stops even when a test fails, and classes run in parallel get labs of their own.
 */
class TriggerLabExtensionIT {

    /** What an inner class saw of its lab, published as a report entry (they run inside these tests). */
    record Seen(String apiEndpoint, String bootstrapServers, int mappings) {

        static void report(TestReporter reporter, TriggerLab lab) {
            reporter.publishEntry(Map.of("api", lab.apiEndpoint(), "bootstrap", lab.bootstrapServers(),
                    "mappings", String.valueOf(lab.client().mappings().size())));
        }

        static Seen in(EngineExecutionResults results, Class<?> testClass) {
            ReportEntry entry = results.testEvents().reportingEntryPublished()
                    .filter(e -> e.getTestDescriptor().getUniqueId().toString().contains(testClass.getSimpleName()))
                    .map(e -> e.getRequiredPayload(ReportEntry.class)).findFirst().orElseThrow();
            return new Seen(entry.getKeyValuePairs().get("api"), entry.getKeyValuePairs().get("bootstrap"),
                    Integer.parseInt(entry.getKeyValuePairs().get("mappings")));
        }
    }

    @TriggerLabTest
    static class WaitsForWhatNeverHappens {

        @Test
        void waitsInVain(TriggerLab lab, TestReporter reporter) {
            Seen.report(reporter, lab);
            lab.function("failing", FailingHandler.class);
            Trigger trigger = lab.trigger(t -> t.function("failing").topic("in-vain").retries(0));
            lab.produce("in-vain", "{\"n\":1}");
            lab.awaitInvocations(trigger, 1);
            lab.timeout(Duration.ofSeconds(2)).awaitInvocations(trigger, 50);
        }
    }

    @Test
    void aFailingWaitShowsTheInvocationsAndTheEngineStopsAnyway() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(WaitsForWhatNeverHappens.class)).execute();

        List<Event> failed = results.testEvents().failed().list();
        assertThat(failed).hasSize(1);
        Throwable failure = failed.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected 50 invocation(s) of trigger")
                .hasMessageContaining("FUNCTION_ERROR")
                .hasMessageContaining("LastProcessingResult");
        assertThatThrownBy(() -> connect(Seen.in(results, WaitsForWhatNeverHappens.class).apiEndpoint()))
                .as("the engine's API is gone once the failed class ended").isInstanceOf(IOException.class);
    }

    @TriggerLabTest
    static class First {
        @Test
        void createsATrigger(TriggerLab lab, TestReporter reporter) {
            lab.function("f", FailingHandler.class);
            lab.trigger(t -> t.function("f").topic("first"));
            Seen.report(reporter, lab);
        }
    }

    @TriggerLabTest
    static class Second {
        @Test
        void createsATrigger(TriggerLab lab, TestReporter reporter) {
            lab.function("f", FailingHandler.class);
            lab.trigger(t -> t.function("f").topic("second"));
            Seen.report(reporter, lab);
        }
    }

    @Test
    void classesRunInParallelGetEnginesOfTheirOwn() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .selectors(selectClass(First.class), selectClass(Second.class))
                .execute();
        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));

        Seen first = Seen.in(results, First.class);
        Seen second = Seen.in(results, Second.class);
        assertThat(first.bootstrapServers()).isNotEqualTo(second.bootstrapServers());
        assertThat(first.apiEndpoint()).isNotEqualTo(second.apiEndpoint());
        assertThat(first.mappings()).as("each engine holds only its own class's trigger").isEqualTo(1);
        assertThat(second.mappings()).isEqualTo(1);
    }

    private static void connect(String endpoint) throws IOException {
        URI uri = URI.create(endpoint);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
        }
    }
}
