package io.triggerlab.engine.infra.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Protobuf bodies decoded as {@link DynamicMessage}s of the registry's schema. The message type comes from the
 * message indexes in front of the encoded message: Confluent writes a zigzag varint count followed by that many zigzag
 * varint indexes (a count of 0 means the first message), a path through top-level then nested message types; Glue
 * writes one varint index into the top-level messages. JSON is protobuf's canonical JSON mapping
 * ({@link JsonFormat}).
 */
final class ProtobufDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

    private final FileDescriptor file;

    ProtobufDecoder(RegisteredSchema schema) {
        this.file = ProtoDescriptors.build("schema-" + schema.id() + ".proto", schema.text(), schema.references());
        if (file.getMessageTypes().isEmpty()) {
            throw new SchemaDecodingException("The registry's Protobuf schema declares no message");
        }
    }

    JsonNode decode(byte[] body, WireFraming.Registry framing) {
        try {
            CodedInputStream in = CodedInputStream.newInstance(body);
            Descriptor type = framing == WireFraming.Registry.GLUE ? topLevel(in.readUInt32()) : confluentType(in);
            DynamicMessage message = DynamicMessage.parseFrom(type, in);
            return JSON.readTree(PRINTER.print(message));
        } catch (InvalidProtocolBufferException e) {
            throw new SchemaDecodingException("Protobuf body does not decode with its schema: " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new SchemaDecodingException("Protobuf message has no JSON rendering: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SchemaDecodingException("Protobuf body ends inside its message indexes", e);
        }
    }

    private Descriptor confluentType(CodedInputStream in) throws IOException {
        int count = in.readSInt32();
        if (count < 0 || count > 64) {
            throw new SchemaDecodingException("Protobuf message index count " + count + " is not a Confluent framing");
        }
        if (count == 0) {
            return topLevel(0);
        }
        List<Integer> path = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            path.add(in.readSInt32());
        }
        Descriptor type = topLevel(path.get(0));
        for (int depth = 1; depth < path.size(); depth++) {
            int index = path.get(depth);
            if (index < 0 || index >= type.getNestedTypes().size()) {
                throw new SchemaDecodingException("Protobuf message index path " + path + " leaves the schema at "
                        + type.getFullName());
            }
            type = type.getNestedTypes().get(index);
        }
        return type;
    }

    private Descriptor topLevel(int index) {
        if (index < 0 || index >= file.getMessageTypes().size()) {
            throw new SchemaDecodingException("Protobuf message index " + index + " names no message of the schema ("
                    + file.getMessageTypes().size() + " top-level messages)");
        }
        return file.getMessageTypes().get(index);
    }
}
