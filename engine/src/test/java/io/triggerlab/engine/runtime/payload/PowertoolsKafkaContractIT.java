package io.triggerlab.engine.runtime.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.infra.schema.RegisteredSchema;
import io.triggerlab.engine.infra.schema.SchemaEncoders;
import io.triggerlab.engine.infra.schema.SchemaFormat;
import io.triggerlab.engine.infra.schema.WireFraming;
import io.triggerlab.engine.runtime.schema.SchemaStage;
import io.triggerlab.engine.testing.NpmInstall;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Our events of schema-decoded records read by the code users run: Powertools for AWS Lambda (TypeScript)'s Kafka
 * consumer, {@code @aws-lambda-powertools/kafka} from npm at a pinned version (with the {@code avro-js} it loads for
 * Avro, and the {@code underscore} that one needs), installed by the test into {@code target/powertools-kafka} and driven by Node.js. JSON format through its JSON
 * deserializer; SOURCE format through its Avro deserializer with the schema. Skipped, with the reason, without npm.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PowertoolsKafkaContractIT {

    static final String POWERTOOLS = "@aws-lambda-powertools/kafka@2.35.0";
    static final String AVRO_JS = "avro-js@1.12.2";
    /** avro-js 1.12.2 requires underscore (its deprecated validator) without declaring it, so it is installed beside. */
    static final String UNDERSCORE = "underscore@1.13.8";
    private static final Path PREFIX = Path.of("target", "powertools-kafka").toAbsolutePath();
    private static final String AVSC = "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"shop\",\"fields\":["
            + "{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"customer\",\"type\":\"string\"},"
            + "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]}";
    private static final RegisteredSchema SCHEMA = new RegisteredSchema("12", SchemaFormat.AVRO, AVSC, Map.of());
    /** Reads the event as a handler wrapped in Powertools' kafkaConsumer, and prints the records it deserialized. */
    private static final String READER = """
            const { kafkaConsumer } = require('@aws-lambda-powertools/kafka');
            const fs = require('fs');
            const [eventFile, type, schema] = process.argv.slice(2);
            const config = { value: type === 'avro' ? { type: 'avro', schema } : { type } };
            const handler = kafkaConsumer(async (event) => event.records.map((r) => ({ topic: r.topic,
              offset: r.offset, key: r.key, value: r.value, valueSchemaMetadata: r.valueSchemaMetadata ?? null })), config);
            handler(JSON.parse(fs.readFileSync(eventFile, 'utf8')), {}).then(
              (out) => process.stdout.write(JSON.stringify(out)),
              (e) => { process.stderr.write(String((e && e.stack) || e)); process.exit(2); });
            """;

    private Optional<String> missing;

    @BeforeAll
    void install() {
        missing = Files.isDirectory(PREFIX.resolve("node_modules/@aws-lambda-powertools/kafka"))
                && Files.isDirectory(PREFIX.resolve("node_modules/avro-js"))
                && Files.isDirectory(PREFIX.resolve("node_modules/underscore"))
                ? Optional.empty() : NpmInstall.install(PREFIX, List.of(POWERTOOLS, AVRO_JS, UNDERSCORE), 5);
    }

    @Test
    void jsonFormat_powertoolsJsonDeserializer_readsTheDecodedRecord(@TempDir Path dir) throws Exception {
        JsonNode records = readWithPowertools(dir, event(true), "json");

        assertThat(records).hasSize(2);
        assertThat(records.get(0).path("value").toString())
                .isEqualTo("{\"id\":41,\"customer\":\"Zoë\",\"note\":null}");
        assertThat(records.get(1).path("value").path("note").asText()).isEqualTo("gift");
        assertThat(records.get(0).path("valueSchemaMetadata").toString())
                .isEqualTo("{\"schemaId\":\"12\",\"dataFormat\":\"AVRO\"}");
        assertThat(records.get(1).path("offset").asLong()).isEqualTo(8);
    }

    @Test
    void sourceFormat_powertoolsAvroDeserializer_readsTheBytesWithoutFraming(@TempDir Path dir) throws Exception {
        JsonNode records = readWithPowertools(dir, event(false), "avro");

        assertThat(records.get(0).path("value").path("id").asLong()).isEqualTo(41);
        assertThat(records.get(0).path("value").path("customer").asText()).isEqualTo("Zoë");
        assertThat(records.get(1).path("value").path("note").toString()).as("avro-js keeps the union's branch unwrapped "
                + "or tagged; either way the text arrives").contains("gift");
        assertThat(records.get(1).path("valueSchemaMetadata").path("dataFormat").asText()).isEqualTo("AVRO");
    }

    private static byte[] event(boolean deliverJson) {
        SchemaEncoders encoders = new SchemaEncoders();
        SchemaStage stage = new SchemaStage(id -> SCHEMA, deliverJson, false, true);
        byte[] none = null;
        List<ConsumerRecord<byte[], byte[]>> consumed = List.of(
                new ConsumerRecord<>("orders", 3, 7, none,
                        encoders.encode(SCHEMA, "{\"id\":41,\"customer\":\"Zoë\"}", WireFraming.Registry.CONFLUENT)),
                new ConsumerRecord<>("orders", 3, 8, none,
                        encoders.encode(SCHEMA, "{\"id\":42,\"customer\":\"Ada\",\"note\":\"gift\"}",
                                WireFraming.Registry.CONFLUENT)));
        List<ConsumerRecord<byte[], byte[]>> delivered = new java.util.ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : consumed) {
            delivered.add(((SchemaStage.Outcome.Delivery) stage.apply(record)).record());
        }
        return new KafkaEventWriter(EventSource.selfManaged("127.0.0.1:9092")).write(delivered);
    }

    private JsonNode readWithPowertools(Path dir, byte[] event, String type) throws Exception {
        assumeThat(missing).as("Powertools' Kafka consumer from npm: %s", missing.orElse("")).isEmpty();
        Path eventFile = Files.write(dir.resolve("event.json"), event);
        Path reader = Files.writeString(PREFIX.resolve("read-event.cjs"), READER);
        Path err = dir.resolve("stderr.txt");
        Process node = new ProcessBuilder("node", reader.toString(), eventFile.toString(), type, AVSC)
                .directory(PREFIX.toFile()).redirectError(err.toFile()).start();
        byte[] out = node.getInputStream().readAllBytes();
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(Files.readString(err)).isZero();
        return new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
    }
}
