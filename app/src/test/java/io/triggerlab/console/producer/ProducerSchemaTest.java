package io.triggerlab.console.producer;

import io.triggerlab.console.QueuedExecutor;
import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.client.PreparedSchema;
import io.triggerlab.engine.client.RecordSender;
import io.triggerlab.engine.infra.cluster.SentRecord;
import io.triggerlab.engine.infra.cluster.TestRecord;
import io.triggerlab.engine.infra.schema.RegisteredSchema;
import io.triggerlab.engine.infra.schema.SchemaDecoders;
import io.triggerlab.engine.infra.schema.SchemaEncoders;
import io.triggerlab.engine.infra.schema.SchemaEncodingException;
import io.triggerlab.engine.infra.schema.SchemaFormat;
import io.triggerlab.engine.infra.schema.WireFraming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer's schema section: values encoded with the engine's own encoders, against an in-memory registry that
 * numbers schemas as Confluent's does; misfits stop the send before any record goes; the form survives a restart.
 */
class ProducerSchemaTest {

    private static final String REGISTRY = "http://127.0.0.1:8081";
    private static final String AVSC = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":["
            + "{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"amount\",\"type\":\"double\"}]}";

    private final QueuedExecutor background = new QueuedExecutor();
    private final QueuedExecutor sendThread = new QueuedExecutor();
    private final List<TestRecord> sent = new ArrayList<>();
    private final RecordSender producer = (topic, records) -> {
        List<SentRecord> where = new ArrayList<>();
        for (TestRecord r : records) {
            where.add(new SentRecord(topic, 0, sent.size(), Instant.EPOCH));
            sent.add(r);
        }
        return where;
    };
    private final InMemoryRegistry registry = new InMemoryRegistry();
    private final ProducerViewModel vm = newProducer();

    private ProducerViewModel newProducer() {
        return new ProducerViewModel(new FixedTopics("orders", 1), producer, new BackgroundWork(background, Runnable::run), sendThread,
                Pacer.system(), registry);
    }

    @Test
    void avroValues_areRegisteredEncodedAndFramed_withTheSubjectFollowingTheTopic() {
        vm.loadTopics();
        background.runAll();
        vm.topicProperty().set("orders");
        vm.valueSourceProperty().set(ValueSource.TEXT);
        vm.schema().encodingProperty().set(ValueEncoding.AVRO);
        vm.schema().schemaTextProperty().set(AVSC);
        vm.valueProperty().set("{\"id\": {n}, \"amount\": 9.5}");
        vm.countProperty().set("2");

        vm.send();
        sendThread.runAll();
        background.runAll();

        assertThat(vm.schema().registryProperty().get()).as("the sandbox's registry by default").isEqualTo(REGISTRY);
        assertThat(vm.valueSourceProperty().get()).as("a schema encodes JSON").isEqualTo(ValueSource.JSON);
        assertThat(vm.schema().subjectProperty().get()).isEqualTo("orders-value");
        assertThat(vm.errorMessageProperty().get()).isEmpty();
        assertThat(sent).hasSize(2);
        WireFraming.Framed second = WireFraming.parse(sent.get(1).value()).orElseThrow();
        assertThat(second.registry()).isEqualTo(WireFraming.Registry.CONFLUENT);
        assertThat(second.schemaId()).isEqualTo("1");
        assertThat(new SchemaDecoders().decode(registry.byId.get("1"), second).toString())
                .isEqualTo("{\"id\":2,\"amount\":9.5}");
        assertThat(vm.resultProperty().get()).isEqualTo("Sent 2 records to orders: orders-0 offsets 0–1 "
                + "(Confluent wire format, schema id 1, subject orders-value, AVRO)");
    }

    @Test
    void aValueThatDoesNotFitItsSchema_namesTheField_andNothingIsSent() {
        registry.register("orders-value", SchemaFormat.AVRO, AVSC);
        vm.topicProperty().set("orders");
        vm.schema().registryProperty().set(REGISTRY);
        vm.schema().encodingProperty().set(ValueEncoding.AVRO);
        vm.valueProperty().set("{\"id\": {n}, \"amount\": \"a lot\"}");
        vm.countProperty().set("3");

        vm.send();
        sendThread.runAll();
        background.runAll();

        assertThat(sent).as("no record goes when one does not fit").isEmpty();
        assertThat(vm.errorMessageProperty().get())
                .contains("The value at $.amount must be a double, but it is string \"a lot\"");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void theSchemaFormAndTheLastTopic_surviveAConsoleRestart(@TempDir Path dataDirectory) throws Exception {
        Path file = dataDirectory.resolve(ProducerForms.FILE_NAME);
        vm.rememberIn(new ProducerForms(file));
        vm.topicProperty().set("orders");
        vm.schema().registryProperty().set(REGISTRY);
        vm.schema().encodingProperty().set(ValueEncoding.AVRO);
        vm.schema().schemaTextProperty().set(AVSC);
        vm.keyProperty().set("k-{n}");
        vm.valueProperty().set("{\"id\": 1, \"amount\": 2}");
        vm.send();
        sendThread.runAll();
        background.runAll();
        assertThat(Files.readString(file)).contains("\"lastTopic\" : \"orders\"");

        ProducerViewModel afterRestart = newProducer();
        afterRestart.rememberIn(new ProducerForms(file));

        assertThat(afterRestart.topicProperty().get()).isEqualTo("orders");
        assertThat(afterRestart.keyProperty().get()).isEqualTo("k-{n}");
        assertThat(afterRestart.valueProperty().get()).isEqualTo("{\"id\": 1, \"amount\": 2}");
        assertThat(afterRestart.schema().encodingProperty().get()).isEqualTo(ValueEncoding.AVRO);
        assertThat(afterRestart.schema().subjectProperty().get()).isEqualTo("orders-value");
        assertThat(afterRestart.schema().schemaTextProperty().get()).isEqualTo(AVSC);
    }

    @Test
    void aDamagedFormsFile_startsEmpty() throws Exception {
        Path file = Files.createTempFile("producer", ".json");
        Files.writeString(file, "{not json");
        vm.rememberIn(new ProducerForms(file));
        assertThat(vm.topicProperty().get()).isEmpty();
        Files.delete(file);
    }

    /** A Confluent-like registry in memory: ids from 1, the same schema again is the same id. */
    private static final class InMemoryRegistry implements SchemaBackend {
        final Map<String, RegisteredSchema> byId = new LinkedHashMap<>();
        final Map<String, RegisteredSchema> latest = new LinkedHashMap<>();
        private final SchemaEncoders encoders = new SchemaEncoders();

        RegisteredSchema register(String subject, SchemaFormat format, String text) {
            RegisteredSchema schema = byId.values().stream().filter(s -> s.text().equals(text)).findFirst()
                    .orElseGet(() -> new RegisteredSchema(String.valueOf(byId.size() + 1), format, text, Map.of()));
            byId.put(schema.id(), schema);
            latest.put(subject, schema);
            return schema;
        }

        @Override
        public Optional<String> sandboxRegistry() {
            return Optional.of(REGISTRY);
        }

        @Override
        public List<String> subjects(String registry) {
            return List.copyOf(latest.keySet());
        }

        @Override
        public PreparedSchema prepare(String registry, String subject, SchemaFormat format, String schemaText) {
            RegisteredSchema schema = schemaText == null || schemaText.isBlank()
                    ? Optional.ofNullable(latest.get(subject)).orElseThrow(() ->
                    new SchemaEncodingException("Subject " + subject + " has no schema"))
                    : register(subject, format, schemaText);
            return new PreparedSchema(registry, subject, schema, WireFraming.Registry.CONFLUENT);
        }

        @Override
        public byte[] encode(PreparedSchema schema, String json) {
            return encoders.encode(schema.schema(), json, schema.framing());
        }
    }
}
