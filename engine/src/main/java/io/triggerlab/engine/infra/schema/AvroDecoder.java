package io.triggerlab.engine.infra.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/**
 * Avro binary bodies read as generic data with the writer's schema, rendered as JSON the way Avro's own
 * {@link GenericData#toString(Object)} renders it: unions unwrapped, enums as their symbol, bytes as
 * {@code {"bytes": "…"}} (TriggerLab's reading: docs/aws-reading.md#schema-registry-json).
 */
final class AvroDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Schema schema;
    /** Avro's readers are not thread-safe but are costly to build: one per thread that decodes with this schema. */
    private final ThreadLocal<GenericDatumReader<Object>> reader;

    AvroDecoder(String schemaText) {
        try {
            this.schema = new Schema.Parser().parse(schemaText);
            this.reader = ThreadLocal.withInitial(() -> new GenericDatumReader<>(schema));
        } catch (SchemaParseException e) {
            throw new SchemaDecodingException("The registry's Avro schema does not parse: " + e.getMessage(), e);
        }
    }

    JsonNode decode(byte[] body) {
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(body, null);
        Object datum;
        try {
            datum = reader.get().read(null, decoder);
            if (!decoder.isEnd()) {
                throw new SchemaDecodingException("Avro body has bytes left over after a complete " + schema.getFullName()
                        + " (" + body.length + " bytes in all): not written with this schema");
            }
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new SchemaDecodingException("Avro body does not decode as " + schema.getFullName() + ": "
                    + e.getMessage(), e);
        }
        return json(datum);
    }

    /**
     * The datum as JSON, walked directly for the common types (records, arrays, maps, strings, numbers, booleans,
     * enums), which is what {@link GenericData#toString(Object)} then parsing would give, without the text in between;
     * bytes, fixed and non-finite numbers go through Avro's own rendering, so they read exactly as before.
     */
    private static JsonNode json(Object datum) {
        if (datum == null) {
            return NODES.nullNode();
        }
        if (datum instanceof GenericRecord record) {
            ObjectNode node = NODES.objectNode();
            for (Schema.Field field : record.getSchema().getFields()) {
                node.set(field.name(), json(record.get(field.pos())));
            }
            return node;
        }
        if (datum instanceof CharSequence || datum instanceof GenericEnumSymbol<?>) {
            return NODES.textNode(datum.toString());
        }
        if (datum instanceof Integer || datum instanceof Long) {
            // as Jackson parses the number text: an int node when it fits, so filters compare like with like
            long value = ((Number) datum).longValue();
            return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
        }
        if (datum instanceof Double d && Double.isFinite(d)) {
            return NODES.numberNode(d);
        }
        if (datum instanceof Float f && Float.isFinite(f)) {
            return NODES.numberNode(Double.parseDouble(f.toString()));
        }
        if (datum instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (datum instanceof Collection<?> items) {
            ArrayNode array = NODES.arrayNode(items.size());
            items.forEach(item -> array.add(json(item)));
            return array;
        }
        if (datum instanceof Map<?, ?> map) {
            ObjectNode node = NODES.objectNode();
            map.forEach((k, v) -> node.set(String.valueOf(k), json(v)));
            return node;
        }
        try {
            return JSON.readTree(GenericData.get().toString(datum));
        } catch (JsonProcessingException e) {
            throw new SchemaDecodingException("Avro datum has no JSON rendering (" + e.getOriginalMessage() + ")", e);
        }
    }
}
