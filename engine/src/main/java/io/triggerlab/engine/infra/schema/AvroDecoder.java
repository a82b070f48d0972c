package io.triggerlab.engine.infra.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

import java.io.IOException;

/**
 * Avro binary bodies read as generic data with the writer's schema, rendered as JSON the way Avro's own
 * {@link GenericData#toString(Object)} renders it: unions unwrapped, enums as their symbol, bytes as
 * {@code {"bytes": "…"}} (TriggerLab's reading: docs/aws-reading.md#schema-registry-json).
 */
final class AvroDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Schema schema;

    AvroDecoder(String schemaText) {
        try {
            this.schema = new Schema.Parser().parse(schemaText);
        } catch (SchemaParseException e) {
            throw new SchemaDecodingException("The registry's Avro schema does not parse: " + e.getMessage(), e);
        }
    }

    JsonNode decode(byte[] body) {
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(body, null);
        Object datum;
        try {
            datum = new GenericDatumReader<>(schema).read(null, decoder);
            if (!decoder.isEnd()) {
                throw new SchemaDecodingException("Avro body has bytes left over after a complete " + schema.getFullName()
                        + " (" + body.length + " bytes in all): not written with this schema");
            }
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new SchemaDecodingException("Avro body does not decode as " + schema.getFullName() + ": "
                    + e.getMessage(), e);
        }
        try {
            return JSON.readTree(GenericData.get().toString(datum));
        } catch (JsonProcessingException e) {
            throw new SchemaDecodingException("Avro datum has no JSON rendering (" + e.getOriginalMessage() + ")", e);
        }
    }
}
