package io.triggerlab.engine.infra.schema;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.util.JsonFormat;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Test records written the way the formats' own serializers write them. */
public final class SchemaEncodings {

    private SchemaEncodings() {
    }

    public static byte[] avro(Schema schema, GenericRecord record) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code json} in protobuf's JSON mapping, encoded as the message {@code fullName} of {@code protoText}. */
    public static byte[] protobuf(String protoText, String fullName, String json) {
        try {
            Descriptor type = ProtoDescriptors.build("test.proto", protoText, Map.of()).findMessageTypeByName(
                    fullName.substring(fullName.lastIndexOf('.') + 1));
            if (type == null) {
                type = findNested(ProtoDescriptors.build("test.proto", protoText, Map.of())
                        .getMessageTypes(), fullName);
            }
            DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
            JsonFormat.parser().merge(json, builder);
            return builder.build().toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Descriptor findNested(java.util.List<Descriptor> types, String fullName) {
        for (Descriptor type : types) {
            if (type.getFullName().equals(fullName)) {
                return type;
            }
            Descriptor nested = findNested(type.getNestedTypes(), fullName);
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }
}
