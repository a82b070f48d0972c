package io.triggerlab.console.browser;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.infra.cluster.RecordQuery;
import io.triggerlab.engine.infra.cluster.StoredRecord;
import io.triggerlab.engine.infra.cluster.TestRecord;
import io.triggerlab.engine.infra.cluster.TopicInfo;
import io.triggerlab.engine.observe.history.InvocationRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordActionsViewModelTest {

    private static StoredRecord record(byte[] key, byte[] value, TestRecord.Header... headers) {
        return new StoredRecord("orders", 2, 41, Instant.EPOCH, "CREATE_TIME", key, value, List.of(headers));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void prefill_carriesTopicPartitionKeyValueAndHeaders_inJsonModeForAJsonValue() {
        ProducerPrefill form = RecordActionsViewModel.prefill(record(utf8("k-1"), utf8("{\"a\": 1}"),
                new TestRecord.Header("trace-id", utf8("t-9")), new TestRecord.Header("trace-id", utf8("t-10"))));

        assertThat(form).isEqualTo(new ProducerPrefill("orders", 2, "k-1", "{\"a\": 1}", true,
                List.of(new ProducerPrefill.Header("trace-id", "t-9"), new ProducerPrefill.Header("trace-id", "t-10"))));
    }

    @Test
    void prefill_sendsTrailingGarbageAsText_andANullKeyAsNoKey() {
        ProducerPrefill form = RecordActionsViewModel.prefill(record(null, utf8("{\"a\": 1},oops")));

        assertThat(form.json()).isFalse();
        assertThat(form.key()).isEmpty();
        assertThat(form.value()).isEqualTo("{\"a\": 1},oops");
    }

    @Test
    void prefill_refusesBinaryBytesAndTombstones_sayingWhichPart() {
        assertThatThrownBy(() -> RecordActionsViewModel.prefill(record(null, new byte[]{(byte) 0xff, 0})))
                .hasMessageStartingWith("The value at offset 41 of orders-2 is binary (not UTF-8 text)");
        assertThatThrownBy(() -> RecordActionsViewModel.prefill(record(null, utf8("x"),
                new TestRecord.Header("blob", new byte[]{(byte) 0xc3}))))
                .hasMessageStartingWith("The header blob at offset 41 of orders-2 is binary");
        assertThatThrownBy(() -> RecordActionsViewModel.prefill(record(utf8("k"), null)))
                .hasMessageContaining("is a tombstone (no value)");
    }

    @Test
    void produceAgain_opensTheProducerWithTheRecord_orSaysWhyNot() {
        List<ProducerPrefill> opened = new ArrayList<>();
        RecordActionsViewModel vm = new RecordActionsViewModel(backend(), new BackgroundWork(Runnable::run,
                Runnable::run), opened::add);

        vm.selectedProperty().set(record(null, new byte[]{(byte) 0xff}));
        vm.produceAgain();
        assertThat(opened).isEmpty();
        assertThat(vm.errorProperty().get()).contains("binary");

        vm.selectedProperty().set(record(null, utf8("plain")));
        vm.produceAgain();
        assertThat(opened).extracting(ProducerPrefill::value).containsExactly("plain");
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void theTriggersOfTheRecordsTopicAreOffered_theFirstChosen() {
        RecordActionsViewModel vm = new RecordActionsViewModel(backend(), new BackgroundWork(Runnable::run,
                Runnable::run), form -> { });

        vm.selectedProperty().set(record(null, utf8("x")));

        assertThat(vm.triggers()).extracting(TriggerChoice::toString).containsExactly("orders-fn (3f2a9c1d)");
        assertThat(vm.triggerProperty().get().mappingUuid()).isEqualTo("3f2a9c1d-0000-4000-8000-000000000001");
        assertThat(vm.canSend().get()).isTrue();
    }

    private static TopicBrowserBackend backend() {
        return new TopicBrowserBackend() {
            @Override
            public List<TopicInfo> topics() {
                return List.of();
            }

            @Override
            public List<StoredRecord> read(RecordQuery query) {
                return List.of();
            }

            @Override
            public List<TriggerChoice> triggersReading(String topic) {
                return topic.equals("orders")
                        ? List.of(new TriggerChoice("3f2a9c1d-0000-4000-8000-000000000001", "orders-fn")) : List.of();
            }

            @Override
            public InvocationRecord sendToFunction(String mappingUuid, StoredRecord record) {
                throw new AssertionError("not sent here");
            }
        };
    }
}
