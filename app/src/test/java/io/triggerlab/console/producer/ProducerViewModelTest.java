package io.triggerlab.console.producer;

import io.triggerlab.console.QueuedExecutor;
import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.client.ClusterTopics;
import io.triggerlab.engine.client.RecordSender;
import io.triggerlab.engine.infra.cluster.ClusterUnavailableException;
import io.triggerlab.engine.infra.cluster.SentRecord;
import io.triggerlab.engine.infra.cluster.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProducerViewModelTest {

    private final QueuedExecutor background = new QueuedExecutor();
    private final List<TestRecord> sent = new ArrayList<>();
    /** The size of each send call, and the fake clock when it was made. */
    private final List<Integer> chunkSizes = new ArrayList<>();
    private final List<Long> sentAtNanos = new ArrayList<>();
    private final FakePacer pacer = new FakePacer();
    private Runnable afterEachSend = () -> { };
    private RuntimeException refuse;
    private final RecordSender producer = (topic, records) -> {
        if (refuse != null) {
            throw refuse;
        }
        int before = sent.size();
        sent.addAll(records);
        chunkSizes.add(records.size());
        sentAtNanos.add(pacer.now);
        afterEachSend.run();
        List<SentRecord> result = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            int number = before + i;
            result.add(new SentRecord(topic, number % 2, 10 + number / 2, Instant.EPOCH));
        }
        return result;
    };
    private final ClusterTopics catalog = new FixedTopics("orders", 2);
    private final QueuedExecutor sendThread = new QueuedExecutor();
    private final ProducerViewModel vm = new ProducerViewModel(catalog, producer, new BackgroundWork(background, Runnable::run),
            sendThread, pacer);

    /** A clock that moves only when the sender waits: pacing is checked without a wall clock. */
    private static final class FakePacer implements Pacer {
        long now = 1_000;
        final List<Long> waits = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void awaitUntil(long deadline, java.util.function.BooleanSupplier stopped) {
            waits.add(deadline - now);
            now = Math.max(now, deadline);
        }
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void sendsCountRecords_numberingKeyValueAndHeaders_andSaysWhereTheyWent() {
        vm.loadTopics();
        background.runAll();
        vm.topicProperty().set("orders");
        vm.keyProperty().set("order-{n}");
        vm.valueProperty().set("{\"orderId\": {n}}");
        vm.addHeader();
        vm.headers().get(0).nameProperty().set("customer");
        vm.headers().get(0).valueProperty().set("Zoë #{n}");
        vm.addHeader(); // left without a name: ignored
        vm.countProperty().set("4");

        vm.send();
        sendThread.runAll();
        background.runAll();

        assertThat(vm.topicSuggestions()).containsExactly("orders");
        assertThat(sent).hasSize(4);
        assertThat(utf8(sent.get(2).key())).isEqualTo("order-3");
        assertThat(utf8(sent.get(2).value())).isEqualTo("{\"orderId\": 3}");
        assertThat(sent.get(2).headers()).singleElement().satisfies(h -> {
            assertThat(h.name()).isEqualTo("customer");
            assertThat(h.value()).containsExactly(90, 111, -61, -85, 32, 35, 51);
        });
        assertThat(sent.get(0).partition()).as("Kafka chooses by key").isNull();
        assertThat(vm.resultProperty().get()).isEqualTo("Sent 4 records to orders: orders-0 offsets 10–11, orders-1 offsets 10–11");
    }

    @Test
    void invalidInput_isExplainedBeforeAnythingIsSent() {
        vm.topicProperty().set("orders");
        vm.valueProperty().set("{not json");
        vm.send();
        assertThat(vm.errorMessageProperty().get()).startsWith("The value is not valid JSON");

        vm.valueSourceProperty().set(ValueSource.TEXT);
        vm.partitionProperty().set("-1");
        vm.send();
        assertThat(vm.errorMessageProperty().get()).isEqualTo("Partition -1 is out of range: must be 0..");

        vm.partitionProperty().set("");
        vm.countProperty().set("20000");
        vm.send();
        assertThat(vm.errorMessageProperty().get()).isEqualTo("Count 20000 is out of range: must be 1..10000");
        assertThat(sendThread.waiting()).isZero();
        assertThat(sent).isEmpty();
    }

    @Test
    void aRate_pacesTheRecords_inChunksDueAtCountOverRate() {
        vm.topicProperty().set("orders");
        vm.countProperty().set("100");
        vm.rateProperty().set("50");

        vm.send();
        assertThat(vm.busyProperty().get()).isTrue();
        sendThread.runAll();
        background.runAll();

        assertThat(sent).hasSize(100);
        assertThat(chunkSizes).as("50/s: 5 records every 100 ms").hasSize(20).containsOnly(5);
        assertThat(sentAtNanos.get(1) - sentAtNanos.get(0)).isEqualTo(100_000_000L);
        assertThat(sentAtNanos.get(19) - sentAtNanos.get(0)).as("record 95 is due at 95/50 s").isEqualTo(1_900_000_000L);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.resultProperty().get()).startsWith("Sent 100 records to orders:");
    }

    @Test
    void withoutARate_sendsAsFastAsPossible_inChunksThatShowProgress() {
        vm.topicProperty().set("orders");
        vm.countProperty().set("1200");
        List<String> progress = new ArrayList<>();
        vm.progressTextProperty().addListener((o, was, is) -> progress.add(is));

        vm.send();
        sendThread.runAll();
        background.runAll();

        assertThat(chunkSizes).containsExactly(500, 500, 200);
        assertThat(pacer.waits).as("never waits").isEmpty();
        assertThat(progress).containsExactly("Sending…", "Sent 500 of 1200", "Sent 1000 of 1200", "Sent 1200 of 1200", "");
    }

    @Test
    void stop_endsTheSendAfterTheChunkOnItsWay_andSaysHowManyWent() {
        vm.topicProperty().set("orders");
        vm.countProperty().set("10");
        vm.rateProperty().set("2");
        afterEachSend = () -> {
            if (sent.size() == 3) {
                vm.stop(); // as if Stop were clicked while the third record was on its way
            }
        };

        vm.send();
        sendThread.runAll();
        background.runAll();

        assertThat(sent).hasSize(3);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.resultProperty().get())
                .isEqualTo("Stopped after 3 of 10 records. Sent 3 records to orders: orders-0 offsets 10–11, orders-1 offset 10");
    }

    @Test
    void aBadRate_isExplainedBeforeAnythingIsSent() {
        vm.topicProperty().set("orders");
        vm.rateProperty().set("0");
        vm.send();
        assertThat(vm.errorMessageProperty().get()).isEqualTo("Rate 0 is out of range: must be 1..100000");
        vm.rateProperty().set("fast");
        vm.send();
        assertThat(vm.errorMessageProperty().get()).isEqualTo("Rate 'fast' is not a whole number");
        assertThat(sendThread.waiting()).isZero();
    }

    @Test
    void aFileValue_sendsTheFilesBytes(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("payload.bin"), new byte[]{1, 2, 3});
        vm.topicProperty().set("orders");
        vm.valueSourceProperty().set(ValueSource.FILE);
        vm.fileProperty().set(file.toString());

        vm.send();
        sendThread.runAll();
        background.runAll();

        assertThat(sent.get(0).value()).containsExactly(1, 2, 3);
    }

    @Test
    void aClusterThatRefuses_isShownWithItsReason() {
        refuse = new ClusterUnavailableException("Cannot send to topic orders on the cluster at 127.0.0.1:9092: "
                + "Topic orders not present in metadata after 10000 ms.", null);
        vm.topicProperty().set("orders");
        vm.valueProperty().set("{}");

        vm.send();
        sendThread.runAll();
        background.runAll();

        assertThat(vm.errorMessageProperty().get()).isEqualTo("Could not send the records: Cannot send to topic orders "
                + "on the cluster at 127.0.0.1:9092: Topic orders not present in metadata after 10000 ms.");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void jsonMode_saysWhileTypingWhyAValueIsNotJson_includingTrailingContent() {
        vm.valueProperty().set("{\"orderId\": {n}}");
        assertThat(vm.valueProblemProperty().get()).isEmpty();

        vm.valueProperty().set("{\"orderId\": 1},oops");
        assertThat(vm.valueProblemProperty().get()).startsWith("Not JSON: 5 more bytes follow the JSON document at byte");

        vm.valueSourceProperty().set(ValueSource.TEXT);
        assertThat(vm.valueProblemProperty().get()).as("Text sends it as it is").isEmpty();
    }

    @Test
    void theLastSentFormOfATopic_comesBackInANewPanel() {
        ProducerForms forms = new ProducerForms();
        vm.rememberIn(forms);
        vm.topicProperty().set("orders");
        vm.keyProperty().set("order-{n}");
        vm.valueProperty().set("{\"n\": {n}}");
        vm.addHeader();
        vm.headers().get(0).nameProperty().set("trace");
        vm.headers().get(0).valueProperty().set("t-1");
        vm.countProperty().set("3");
        vm.send();
        sendThread.runAll();

        ProducerViewModel next = new ProducerViewModel(catalog, producer, new BackgroundWork(background, Runnable::run),
                sendThread, pacer);
        next.topicProperty().set("payments"); // a panel opened on a trigger's topic, not the last one sent to
        next.rememberIn(forms);
        assertThat(next.keyProperty().get()).as("nothing sent to payments yet").isEmpty();
        next.topicProperty().set("orders");
        assertThat(next.keyProperty().get()).isEqualTo("order-{n}");
        assertThat(next.valueProperty().get()).isEqualTo("{\"n\": {n}}");
        assertThat(next.countProperty().get()).isEqualTo("3");
        assertThat(next.headers()).singleElement().satisfies(h -> assertThat(h.nameProperty().get() + "="
                + h.valueProperty().get()).isEqualTo("trace=t-1"));
    }
}
