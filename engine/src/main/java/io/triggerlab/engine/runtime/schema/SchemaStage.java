package io.triggerlab.engine.runtime.schema;

import io.triggerlab.engine.infra.schema.SchemaRegistryClient;
import io.triggerlab.engine.infra.schema.SchemaDecoders;
import io.triggerlab.engine.infra.schema.WireFraming;
import io.triggerlab.engine.infra.schema.RegisteredSchema;
import io.triggerlab.engine.infra.schema.SchemaNotFoundException;
import io.triggerlab.engine.infra.schema.SchemaDecodingException;
import io.triggerlab.engine.infra.schema.SchemaRegistryUnavailableException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Objects;

/**
 * A mapping's {@code SchemaRegistryConfig} applied to one record, in Lambda's order: for each attribute named in
 * {@code SchemaValidationConfigs}, find the schema its framing names ({@code SCHEMA_NOT_FOUND} if none), decode the
 * bytes with it ({@code DESERIALIZATION_ERROR} if they do not), and replace the attribute with what the function
 * receives — the decoded record as JSON text ({@code EventRecordFormat} {@code JSON}) or the source bytes without the
 * registry framing ({@code SOURCE}). Filters run after this stage, on the decoded value.
 *
 * <p>A registry that cannot be asked throws {@link SchemaRegistryUnavailableException}: that says nothing about the
 * record, so the caller retries rather than give it up. Thread-safe.
 */
public final class SchemaStage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaRegistryClient registry;
    private final boolean deliverJson;
    private final boolean validateKey;
    private final boolean validateValue;
    private final SchemaDecoders decoders = new SchemaDecoders();

    /**
     * @param registry      where schemas are looked up (cached by the caller's choice)
     * @param deliverJson   {@code EventRecordFormat} is {@code JSON} (otherwise {@code SOURCE})
     * @param validateKey   {@code SchemaValidationConfigs} names {@code KEY}
     * @param validateValue {@code SchemaValidationConfigs} names {@code VALUE}
     */
    public SchemaStage(SchemaRegistryClient registry, boolean deliverJson, boolean validateKey, boolean validateValue) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.deliverJson = deliverJson;
        this.validateKey = validateKey;
        this.validateValue = validateValue;
    }

    /** The record as the function receives it, or why Lambda would not deliver it. */
    public Outcome apply(ConsumerRecord<byte[], byte[]> record) {
        Attribute key = Attribute.untouched(record.key());
        Attribute value = Attribute.untouched(record.value());
        try {
            if (validateKey && record.key() != null) {
                key = decode("key", record.key());
            }
            if (validateValue && record.value() != null) {
                value = decode("value", record.value());
            }
        } catch (Rejected rejected) {
            return new Outcome.Rejection(record, rejected.reason, rejected.getMessage());
        }
        return new Outcome.Delivery(new DecodedRecord(record, key.delivered, value.delivered,
                key.metadata, value.metadata, value.decoded));
    }

    private Attribute decode(String attribute, byte[] bytes) {
        WireFraming.Framed framed;
        try {
            framed = WireFraming.parse(bytes).orElseThrow(() -> new Rejected(SchemaRejection.SCHEMA_NOT_FOUND,
                    "The record's " + attribute + " carries no schema registry framing (no Confluent magic byte, "
                            + "no Glue header), so it names no schema"));
        } catch (SchemaDecodingException e) {
            throw new Rejected(SchemaRejection.DESERIALIZATION_ERROR, "The record's " + attribute + ": "
                    + e.getMessage());
        }
        RegisteredSchema schema;
        try {
            schema = registry.schemaById(framed.schemaId());
        } catch (SchemaNotFoundException e) {
            throw new Rejected(SchemaRejection.SCHEMA_NOT_FOUND, "The record's " + attribute + " names schema "
                    + framed.schemaId() + ": " + e.getMessage());
        }
        JsonNode decoded;
        try {
            decoded = decoders.decode(schema, framed);
        } catch (SchemaDecodingException e) {
            throw new Rejected(SchemaRejection.DESERIALIZATION_ERROR, "The record's " + attribute + " (schema "
                    + framed.schemaId() + ", " + schema.format() + "): " + e.getMessage());
        }
        byte[] delivered;
        try {
            delivered = deliverJson ? JSON.writeValueAsBytes(decoded) : framed.body();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Rejected(SchemaRejection.DESERIALIZATION_ERROR, "The record's " + attribute
                    + " decoded to something that has no JSON text: " + e.getOriginalMessage());
        }
        return new Attribute(delivered, new SchemaMetadata(framed.schemaId(), schema.format()), decoded);
    }

    private record Attribute(byte[] delivered, SchemaMetadata metadata, JsonNode decoded) {
        static Attribute untouched(byte[] bytes) {
            return new Attribute(bytes, null, null);
        }
    }

    /** Carries a rejection out of the per-attribute steps; never leaves this class. */
    private static final class Rejected extends RuntimeException {
        private final SchemaRejection reason;

        Rejected(SchemaRejection reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }

    /** What became of one record. */
    public sealed interface Outcome {

        /** Passed on, possibly as a {@link DecodedRecord}. */
        record Delivery(DecodedRecord record) implements Outcome {
        }

        /** Not delivered: goes to the on-failure destination, or is dropped when there is none. */
        record Rejection(ConsumerRecord<byte[], byte[]> record, SchemaRejection reason, String detail)
                implements Outcome {
        }
    }

}
