package io.triggerlab.engine.infra.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Decodes a framed body with the schema it names, compiling each schema once. Thread-safe. */
public final class SchemaDecoders {

    private final Map<String, Object> compiled = new ConcurrentHashMap<>();

    public JsonNode decode(RegisteredSchema schema, WireFraming.Framed framed) {
        Object decoder = compiled.computeIfAbsent(schema.format() + ":" + schema.id(), key -> compile(schema));
        if (decoder instanceof AvroDecoder avro) {
            return avro.decode(framed.body());
        }
        if (decoder instanceof ProtobufDecoder protobuf) {
            return protobuf.decode(framed.body(), framed.registry());
        }
        return ((JsonSchemaDecoder) decoder).decode(framed.body());
    }

    /** Compiles {@code schema} once to prove it usable. @throws SchemaDecodingException if it is not */
    public void check(RegisteredSchema schema) {
        compiled.computeIfAbsent(schema.format() + ":" + schema.id(), key -> compile(schema));
    }

    private static Object compile(RegisteredSchema schema) {
        return switch (schema.format()) {
            case AVRO -> new AvroDecoder(schema.text());
            case PROTOBUF -> new ProtobufDecoder(schema);
            case JSON -> new JsonSchemaDecoder(schema.text());
        };
    }
}
