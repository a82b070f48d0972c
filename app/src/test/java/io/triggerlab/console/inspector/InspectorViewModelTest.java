package io.triggerlab.console.inspector;

import io.triggerlab.console.QueuedExecutor;
import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.console.invocations.FakeHistory;
import io.triggerlab.console.invocations.InvocationRow;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class InspectorViewModelTest {

    private static final String MAPPING = "11111111-1111-1111-1111-111111111111";
    /** A Lambda MSK event as the engine sends it: base64 key and value, headers as signed bytes, a tombstone. */
    static final String EVENT = "{\"eventSource\":\"aws:kafka\",\"eventSourceArn\":\"arn:aws:kafka:us-east-1:000000000000:"
            + "cluster/triggerlab-sandbox/abc\",\"bootstrapServers\":\"127.0.0.1:9092\",\"records\":{\"orders-0\":["
            + "{\"topic\":\"orders\",\"partition\":0,\"offset\":41,\"timestamp\":1769851800000,\"timestampType\":\"CREATE_TIME\","
            + "\"key\":\"b3JkZXItMQ==\",\"value\":\"eyJvcmRlcklkIjoxLCJpdGVtIjoia2V0dGxlIn0=\","
            + "\"headers\":[{\"customer\":[90,111,-61,-85]},{\"blob\":[-1,0]}]},"
            + "{\"topic\":\"orders\",\"partition\":0,\"offset\":42,\"timestamp\":1769851800001,\"timestampType\":\"CREATE_TIME\","
            + "\"headers\":[]}]}}";

    private final FakeHistory history = new FakeHistory();
    private final QueuedExecutor background = new QueuedExecutor();
    private final InspectorViewModel vm = new InspectorViewModel(history, new BackgroundWork(background, Runnable::run),
            ZoneOffset.UTC);

    private InvocationRow row(InvocationRecord record) {
        return InvocationRow.of(record.summary(), ZoneOffset.UTC);
    }

    @Test
    void decodesEveryRecord_keyValueAndHeaders_asTheFunctionReceivedThem() {
        InvocationRecord record = history.add(MAPPING, "batch-1", 1, InvocationOutcome.SUCCESS, 41, EVENT);

        vm.show(row(record));
        assertThat(vm.loadingProperty().get()).isTrue();
        background.runAll();

        assertThat(vm.titleProperty().get()).isEqualTo("Invocation #1 (engine-wide) · Success");
        assertThat(vm.records()).hasSize(2);
        RecordRow first = vm.records().get(0);
        assertThat(first.topicPartition()).isEqualTo("orders-0");
        assertThat(first.offset()).isEqualTo(41);
        assertThat(first.timestamp()).isEqualTo("2026-01-31 09:30:00.000");
        assertThat(first.key().text()).contains("order-1");
        assertThat(vm.selectedRecordProperty().get()).isEqualTo(first);
        assertThat(vm.headers()).extracting(HeaderRow::name, HeaderRow::text, HeaderRow::raw, HeaderRow::size)
                .containsExactly(tuple("customer", "Zoë", "[90, 111, -61, -85]", "4 bytes"),
                        tuple("blob", "(not UTF-8; hex ff 00)", "[-1, 0]", "2 bytes"));
        assertThat(vm.valueDetailProperty().get().shown()).isEqualTo("{\n  \"orderId\" : 1,\n  \"item\" : \"kettle\"\n}");
        assertThat(vm.valueDetailProperty().get().summary()).isEqualTo("29 bytes · JSON object");
        assertThat(vm.valueDetailProperty().get().marker()).isEmpty();
        assertThat(vm.valueDetailProperty().get().hexDump()).startsWith("00000000  7b 22 6f 72 64 65 72 49  64 22 3a 31 2c 22 69 74  |{\"orderId\":1,\"it|");
        assertThat(first.size()).isEqualTo("29 bytes");

        vm.selectedHeaderProperty().set(vm.headers().get(1));
        assertThat(vm.headerDetailProperty().get().summary()).isEqualTo("Header blob · 2 bytes · binary (not UTF-8)");
        assertThat(vm.headerDetailProperty().get().marker()).isEqualTo("Not JSON and not UTF-8 text: byte 0 (0xff) is "
                + "not valid UTF-8. Shown as hex.");
        assertThat(vm.headerDetailProperty().get().shown()).isEqualTo("ff 00");

        vm.valueModeProperty().set(ValueMode.HEX);
        assertThat(vm.keyDetailProperty().get().shown()).isEqualTo("6f 72 64 65 72 2d 31");
        vm.valueModeProperty().set(ValueMode.BASE64);
        assertThat(vm.valueDetailProperty().get().shown()).isEqualTo("eyJvcmRlcklkIjoxLCJpdGVtIjoia2V0dGxlIn0=");

        vm.selectedRecordProperty().set(vm.records().get(1));
        assertThat(vm.keyDetailProperty().get().shown()).isEqualTo("(no key)");
        assertThat(vm.valueDetailProperty().get().shown()).isEqualTo("(no value: a tombstone)");
        assertThat(vm.headers()).isEmpty();
    }

    @Test
    void showsTheEventPretty_theResponse_theLogs_andEveryAttemptAtTheBatch() {
        history.add(MAPPING, "batch-1", 1, InvocationOutcome.FUNCTION_ERROR, 41, EVENT);
        InvocationRecord second = history.add(MAPPING, "batch-1", 2, InvocationOutcome.SUCCESS, 41, EVENT);

        vm.show(row(second));
        background.runAll();

        assertThat(vm.eventJsonProperty().get()).startsWith("{\n  \"eventSource\" : \"aws:kafka\",")
                .contains("\"customer\" : [ 90, 111, -61, -85 ]");
        assertThat(vm.responseProperty().get()).isEqualTo("{\n  \"ok\" : true\n}");
        assertThat(vm.logsProperty().get()).isEqualTo("log line\n");
        assertThat(vm.attemptsProperty().get())
                .isEqualTo("Attempts at this batch: #1 Function error → #2 Success (shown)");
    }

    @Test
    void colourRunsCoverThePrettyEvent_andCopyTakesTheExactJsonSent() {
        InvocationRecord record = history.add(MAPPING, "batch-1", 1, InvocationOutcome.SUCCESS, 41, EVENT);

        vm.show(row(record));
        background.runAll();

        ColouredJson coloured = vm.eventColouredProperty().get();
        assertThat(coloured.text()).isEqualTo(vm.eventJsonProperty().get());
        assertThat(vm.eventColourNoteProperty().get()).isEmpty();
        assertThat(coloured.line(1)).isEqualTo("  \"eventSource\" : \"aws:kafka\",");
        assertThat(coloured.spansOfLine(1)).filteredOn(s -> s.kind() == JsonSpan.Kind.KEY).singleElement()
                .satisfies(s -> assertThat(coloured.line(1).substring(s.start(), s.end())).isEqualTo("\"eventSource\""));
        assertThat(vm.eventAsSent()).isEqualTo(EVENT);

        vm.show(null);
        assertThat(vm.eventColouredProperty().get()).isEqualTo(ColouredJson.EMPTY);
        assertThat(vm.eventAsSent()).isEmpty();
    }

    @Test
    void exportsTheExactBytesSent_asATestEventFile(@TempDir Path dir) throws Exception {
        InvocationRecord record = history.add(MAPPING, "batch-1", 1, InvocationOutcome.SUCCESS, 41, EVENT);
        vm.show(row(record));
        background.runAll();
        Path file = dir.resolve(vm.suggestedExportName());

        vm.exportEvent(file);
        background.runAll();

        assertThat(file.getFileName().toString()).isEqualTo("orders-0-offset-41-attempt-1.json");
        assertThat(Files.readString(file)).isEqualTo(EVENT);
        assertThat(vm.statusMessageProperty().get()).contains("sam local invoke -e " + file,
                "--payload fileb://" + file);
    }

    @Test
    void anEventThatWasNotKept_isSaidSo_andCannotBeExported() {
        InvocationRecord record = history.add(MAPPING, "batch-1", 1, InvocationOutcome.SUCCESS, 41, null);

        vm.show(row(record));
        background.runAll();

        assertThat(vm.eventKeptProperty().get()).isFalse();
        assertThat(vm.eventJsonProperty().get()).startsWith("The engine did not keep this event's JSON (it was 10 B)");
        vm.exportEvent(Path.of("never.json"));
        assertThat(vm.errorMessageProperty().get()).startsWith("There is no event to export");
    }

    @Test
    void anInvocationPrunedFromTheHistory_isExplained() {
        InvocationRecord record = history.add(MAPPING, "batch-1", 1, InvocationOutcome.SUCCESS, 41, EVENT);
        history.deleteMapping(MAPPING);

        vm.show(row(record));
        background.runAll();

        assertThat(vm.errorMessageProperty().get()).startsWith("Invocation 1 is no longer in the history");
        assertThat(vm.loadedProperty().get()).isFalse();
    }

    @Test
    void ctrlCOnTheEventsLines_isConfirmedWithWhatWasCopied() {
        vm.copiedLines(3, 1234);
        assertThat(vm.statusMessageProperty().get())
                .isEqualTo("Copied 3 lines of the event (1,234 characters) to the clipboard.");
        vm.copiedLines(1, 7);
        assertThat(vm.statusMessageProperty().get()).isEqualTo("Copied 1 line of the event (7 characters) to the clipboard.");
    }
}
