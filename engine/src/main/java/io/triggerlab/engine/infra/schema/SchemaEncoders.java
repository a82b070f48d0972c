package io.triggerlab.engine.infra.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Writes a JSON value as a registry serializer would: encoded with its schema (Avro binary, a Protobuf message, or
 * JSON checked against its JSON Schema) and framed with the schema's id. Every value is first decoded back with the
 * same {@link SchemaDecoders} the pollers use, so what the producer sends is what a trigger can read. Stateless.
 */
public final class SchemaEncoders {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final SchemaDecoders decoders = new SchemaDecoders();

    /**
     * @param schema  the registered schema (its id goes into the framing: Confluent's integer, Glue's UUID)
     * @param json    the value as JSON text
     * @param framing Confluent's magic byte and id, or Glue's header
     * @return the framed bytes, ready to be a record's key or value
     * @throws SchemaEncodingException the value does not fit the schema, said with the field's path
     */
    public byte[] encode(RegisteredSchema schema, String json, WireFraming.Registry framing) {
        JsonNode value = parse(json);
        byte[] body = switch (schema.format()) {
            case AVRO -> new AvroEncoder(schema.text()).encode(value);
            case PROTOBUF -> new ProtobufEncoder(schema).encode(json, framing);
            case JSON -> value.toString().getBytes(StandardCharsets.UTF_8);
        };
        byte[] framed = framing == WireFraming.Registry.GLUE ? WireFraming.glue(UUID.fromString(schema.id()), body)
                : WireFraming.confluent(Integer.parseInt(schema.id()), body);
        try {
            decoders.decode(schema, WireFraming.parse(framed).orElseThrow());
        } catch (SchemaDecodingException e) {
            // JSON Schema's validation happens here; for Avro and Protobuf it proves the round trip
            throw new SchemaEncodingException(e.getMessage().replace("JSON body is not valid",
                    "The value is not valid"), e);
        }
        return framed;
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode value = JSON.readTree(json == null ? "" : json);
            if (value == null || value.isMissingNode()) {
                throw new SchemaEncodingException("Write the value as JSON: it is encoded with the schema");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new SchemaEncodingException("The value is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
