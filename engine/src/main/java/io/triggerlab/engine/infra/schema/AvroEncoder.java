package io.triggerlab.engine.infra.schema;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain JSON written as Avro binary with a schema: the JSON a person types (unions untagged, as
 * {@link AvroDecoder} renders them, so a decoded value typed back encodes again), converted to Avro generic data and
 * written by Avro's own {@link GenericDatumWriter}. A value that does not fit says where: {@code $.items[2].price}.
 */
final class AvroEncoder {

    private final Schema schema;

    AvroEncoder(String schemaText) {
        try {
            this.schema = new Schema.Parser().parse(schemaText);
        } catch (SchemaParseException e) {
            throw new SchemaEncodingException("The Avro schema does not parse: " + e.getMessage(), e);
        }
    }

    byte[] encode(JsonNode value) {
        Object datum = datum(schema, value, "$");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            new GenericDatumWriter<>(schema).write(datum, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SchemaEncodingException("The value cannot be written as " + schema.getFullName() + ": "
                    + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static Object datum(Schema type, JsonNode node, String path) {
        return switch (type.getType()) {
            case RECORD -> record(type, node, path);
            case ARRAY -> {
                expect(node.isArray(), type, node, path);
                List<Object> items = new ArrayList<>(node.size());
                for (int i = 0; i < node.size(); i++) {
                    items.add(datum(type.getElementType(), node.get(i), path + "[" + i + "]"));
                }
                yield new GenericData.Array<>(type, items);
            }
            case MAP -> {
                expect(node.isObject(), type, node, path);
                Map<String, Object> entries = new LinkedHashMap<>();
                node.fields().forEachRemaining(e -> entries.put(e.getKey(),
                        datum(type.getValueType(), e.getValue(), path + "." + e.getKey())));
                yield entries;
            }
            case UNION -> union(type, node, path);
            case ENUM -> {
                expect(node.isTextual() && type.hasEnumSymbol(node.asText()), type, node, path);
                yield new GenericData.EnumSymbol(type, node.asText());
            }
            case STRING -> {
                expect(node.isTextual(), type, node, path);
                yield node.asText();
            }
            case BYTES -> ByteBuffer.wrap(bytes(type, node, path));
            case FIXED -> {
                byte[] bytes = bytes(type, node, path);
                expect(bytes.length == type.getFixedSize(), type, node, path);
                yield new GenericData.Fixed(type, bytes);
            }
            case INT -> {
                expect(node.canConvertToInt() && node.isIntegralNumber(), type, node, path);
                yield node.intValue();
            }
            case LONG -> {
                expect(node.canConvertToLong() && node.isIntegralNumber(), type, node, path);
                yield node.longValue();
            }
            case FLOAT -> {
                expect(node.isNumber(), type, node, path);
                yield node.floatValue();
            }
            case DOUBLE -> {
                expect(node.isNumber(), type, node, path);
                yield node.doubleValue();
            }
            case BOOLEAN -> {
                expect(node.isBoolean(), type, node, path);
                yield node.booleanValue();
            }
            case NULL -> {
                expect(node.isNull(), type, node, path);
                yield null;
            }
        };
    }

    private static GenericData.Record record(Schema type, JsonNode node, String path) {
        expect(node.isObject(), type, node, path);
        GenericData.Record record = new GenericData.Record(type);
        for (Schema.Field field : type.getFields()) {
            JsonNode given = node.get(field.name());
            String at = path + "." + field.name();
            if (given == null) {
                if (!field.hasDefaultValue()) {
                    throw new SchemaEncodingException("The value has no " + at + ", which " + type.getFullName()
                            + " requires (" + describe(field.schema()) + ", no default)");
                }
                record.put(field.pos(), GenericData.get().getDefaultValue(field));
            } else {
                record.put(field.pos(), datum(field.schema(), given, at));
            }
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (type.getField(name) == null) {
                throw new SchemaEncodingException("The value has " + path + "." + name + ", which " + type.getFullName()
                        + " does not declare (fields: " + type.getFields().stream().map(Schema.Field::name).toList() + ")");
            }
        }
        return record;
    }

    /** The first branch the JSON fits, in the union's order, as Avro's JSON rendering of an untagged union reads. */
    private static Object union(Schema type, JsonNode node, String path) {
        for (Schema branch : type.getTypes()) {
            try {
                return datum(branch, node, path);
            } catch (SchemaEncodingException e) {
                // the next branch may fit
            }
        }
        throw new SchemaEncodingException("The value at " + path + " fits no branch of the union " + describe(type)
                + ": it is " + shape(node));
    }

    private static byte[] bytes(Schema type, JsonNode node, String path) {
        expect(node.isTextual(), type, node, path);
        // Avro's JSON encoding of bytes: one character per byte, code points 0..255
        return node.asText().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void expect(boolean fits, Schema type, JsonNode node, String path) {
        if (!fits) {
            throw new SchemaEncodingException("The value at " + path + " must be " + describe(type) + ", but it is "
                    + shape(node));
        }
    }

    private static String describe(Schema type) {
        return switch (type.getType()) {
            case RECORD -> "a " + type.getFullName() + " object";
            case ENUM -> "one of " + type.getEnumSymbols();
            case UNION -> type.getTypes().stream().map(t -> t.getType().getName()).toList().toString();
            case FIXED -> "a string of " + type.getFixedSize() + " bytes";
            default -> "a" + ("int".equals(type.getType().getName()) ? "n " : " ") + type.getType().getName();
        };
    }

    private static String shape(JsonNode node) {
        String text = node.toString();
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " "
                + (text.length() > 60 ? text.substring(0, 60) + "…" : text);
    }
}
