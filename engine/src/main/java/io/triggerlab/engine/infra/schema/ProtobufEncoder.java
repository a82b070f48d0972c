package io.triggerlab.engine.infra.schema;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * JSON (protobuf's canonical JSON mapping) written as the schema's first top-level message, preceded by the message
 * indexes the framing wants: Confluent's single {@code 0} byte (the count 0 that means "the first message"), Glue's
 * varint index 0. {@link ProtobufDecoder} reads both.
 */
final class ProtobufEncoder {

    private final Descriptor type;

    ProtobufEncoder(RegisteredSchema schema) {
        FileDescriptor file;
        try {
            file = ProtoDescriptors.build("schema-" + schema.id() + ".proto", schema.text(), schema.references());
        } catch (SchemaDecodingException e) {
            throw new SchemaEncodingException(e.getMessage(), e);
        }
        if (file.getMessageTypes().isEmpty()) {
            throw new SchemaEncodingException("The Protobuf schema declares no message");
        }
        this.type = file.getMessageTypes().get(0);
    }

    byte[] encode(String json, WireFraming.Registry framing) {
        DynamicMessage.Builder message = DynamicMessage.newBuilder(type);
        try {
            JsonFormat.parser().merge(json, message);
        } catch (InvalidProtocolBufferException e) {
            throw new SchemaEncodingException("The value is not a " + type.getFullName() + " in protobuf's JSON "
                    + "mapping: " + e.getMessage(), e);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            if (framing == WireFraming.Registry.GLUE) {
                out.writeUInt32NoTag(0);
            } else {
                out.writeSInt32NoTag(0);
            }
            message.build().writeTo(out);
            out.flush();
        } catch (IOException e) {
            throw new SchemaEncodingException("The " + type.getFullName() + " message cannot be written: "
                    + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }
}
