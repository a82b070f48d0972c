package io.triggerlab.engine.client;

import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;
import io.triggerlab.engine.infra.schema.SchemaEncodingException;
import io.triggerlab.engine.infra.schema.SchemaFormat;
import io.triggerlab.engine.infra.schema.WireFraming;
import io.triggerlab.engine.infra.schema.sandbox.SandboxSchemaRegistry;
import io.triggerlab.engine.infra.secrets.SecretProvider;
import io.triggerlab.engine.runtime.schema.SchemaRegistryAccess;
import io.triggerlab.engine.testing.SharedKafkaBroker;
import io.triggerlab.engine.testing.TestTopics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The producer's schema path against the sandbox registry over HTTP: register, reuse the latest, encode, refuse. */
@ExtendWith(SharedKafkaBroker.class)
class SchemaRecordsIT {

    private static final String AVSC = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}";

    private final EmbeddedKafkaBroker broker;

    SchemaRecordsIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void registersThenReusesTheLatestVersion_andFramesValuesWithItsId() {
        String subject = TestTopics.unique("orders") + "-value";
        try (SandboxSchemaRegistry registry = SandboxSchemaRegistry.start(broker.bootstrapServers(), 0)) {
            SchemaRecords records = new SchemaRecords(Optional.of(registry.url()), glueUnused());
            String url = registry.url().toString();

            PreparedSchema registered = records.prepare(url, subject, SchemaFormat.AVRO, AVSC);
            PreparedSchema latest = records.prepare(url, subject, SchemaFormat.AVRO, "");

            assertThat(latest.schema().id()).isEqualTo(registered.schema().id());
            assertThat(latest.describe()).isEqualTo("Confluent wire format, schema id " + registered.schema().id()
                    + ", subject " + subject + ", AVRO");
            assertThat(records.subjects(url)).contains(subject);
            assertThat(records.subjectsOf(url, registered.schema().id())).containsExactly(subject);
            WireFraming.Framed framed = WireFraming.parse(records.encode(latest, "{\"id\":42}")).orElseThrow();
            assertThat(framed.schemaId()).isEqualTo(registered.schema().id());
            assertThat(framed.body()).containsExactly(84);
        }
    }

    @Test
    void anUnknownSubject_aFormatMismatch_andASchemaThatDoesNotParse_eachSaySo() {
        String subject = TestTopics.unique("payments") + "-value";
        try (SandboxSchemaRegistry registry = SandboxSchemaRegistry.start(broker.bootstrapServers(), 0)) {
            SchemaRecords records = new SchemaRecords(Optional.of(registry.url()), glueUnused());
            String url = registry.url().toString();

            assertThatThrownBy(() -> records.prepare(url, subject, SchemaFormat.AVRO, " "))
                    .isInstanceOf(SchemaEncodingException.class)
                    .hasMessage("Subject " + subject + " has no schema in " + url + ": paste a schema to register it");
            records.prepare(url, subject, SchemaFormat.AVRO, AVSC);
            assertThatThrownBy(() -> records.prepare(url, subject, SchemaFormat.PROTOBUF, ""))
                    .hasMessage("Subject " + subject + " holds a AVRO schema, not PROTOBUF: choose AVRO, or paste a "
                            + "PROTOBUF schema to register");
            assertThatThrownBy(() -> records.prepare(url, subject + "-2", SchemaFormat.AVRO, "{\"type\":\"recrod\"}"))
                    .isInstanceOf(SchemaEncodingException.class)
                    .hasMessageContaining("refused the registration under subject " + subject + "-2 (HTTP 422)");
        }
    }

    private static SchemaRegistryAccess glueUnused() {
        SecretProvider none = arn -> {
            throw new IllegalStateException("no secrets in this test");
        };
        return new SchemaRegistryAccess(none, SchemaRegistryAccess.GlueAccess.DEFAULT);
    }
}
