package io.triggerlab.engine.infra.schema;

import com.google.protobuf.AnyProto;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.EmptyProto;
import com.google.protobuf.StructProto;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.WrappersProto;
import com.squareup.wire.Syntax;
import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import com.squareup.wire.schema.internal.parser.TypeElement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns {@code .proto} source, as a registry serves it, into protobuf-java descriptors: Square's Wire parses the text
 * (a maintained parser; protobuf-java has none), and each parsed element becomes its descriptor proto. Type names
 * stay as written and protobuf-java resolves them by its own scoping rules.
 */
final class ProtoDescriptors {

    private static final Map<String, FileDescriptor> WELL_KNOWN = Map.of(
            "google/protobuf/timestamp.proto", TimestampProto.getDescriptor(),
            "google/protobuf/duration.proto", DurationProto.getDescriptor(),
            "google/protobuf/any.proto", AnyProto.getDescriptor(),
            "google/protobuf/empty.proto", EmptyProto.getDescriptor(),
            "google/protobuf/struct.proto", StructProto.getDescriptor(),
            "google/protobuf/wrappers.proto", WrappersProto.getDescriptor());

    private static final Map<String, FieldDescriptorProto.Type> SCALARS = scalars();

    private ProtoDescriptors() {
    }

    /**
     * @param fileName   the name the schema is known by (imports name other files this way)
     * @param text       the schema's {@code .proto} source
     * @param references the source of every file it imports, by import name
     */
    static FileDescriptor build(String fileName, String text, Map<String, String> references) {
        return build(fileName, text, references, new HashMap<>());
    }

    private static FileDescriptor build(String fileName, String text, Map<String, String> references,
                                        Map<String, FileDescriptor> built) {
        ProtoFileElement file;
        try {
            file = ProtoParser.Companion.parse(Location.Companion.get(fileName), text);
        } catch (RuntimeException e) {
            throw new SchemaDecodingException("The registry's Protobuf schema does not parse: " + e.getMessage(), e);
        }
        List<FileDescriptor> dependencies = new ArrayList<>();
        for (String imported : imports(file)) {
            FileDescriptor dependency = WELL_KNOWN.get(imported);
            if (dependency == null) {
                dependency = built.get(imported);
            }
            if (dependency == null) {
                String importedText = references.get(imported);
                if (importedText == null) {
                    throw new SchemaDecodingException("The registry's Protobuf schema imports \"" + imported
                            + "\", which the registry lists no reference for");
                }
                dependency = build(imported, importedText, references, built);
                built.put(imported, dependency);
            }
            dependencies.add(dependency);
        }
        FileDescriptorProto.Builder proto = FileDescriptorProto.newBuilder().setName(fileName)
                .setSyntax(file.getSyntax() == Syntax.PROTO_3 ? "proto3" : "proto2");
        if (file.getPackageName() != null) {
            proto.setPackage(file.getPackageName());
        }
        imports(file).forEach(proto::addDependency);
        for (TypeElement type : file.getTypes()) {
            if (type instanceof MessageElement message) {
                proto.addMessageType(message(message));
            } else if (type instanceof EnumElement enumType) {
                proto.addEnumType(enumeration(enumType));
            }
        }
        try {
            return FileDescriptor.buildFrom(proto.build(), dependencies.toArray(FileDescriptor[]::new));
        } catch (Descriptors.DescriptorValidationException e) {
            throw new SchemaDecodingException("The registry's Protobuf schema is not valid: " + e.getMessage(), e);
        }
    }

    private static List<String> imports(ProtoFileElement file) {
        List<String> all = new ArrayList<>(file.getImports());
        all.addAll(file.getPublicImports());
        return all;
    }

    private static DescriptorProto message(MessageElement message) {
        DescriptorProto.Builder builder = DescriptorProto.newBuilder().setName(message.getName());
        // protoc numbers nested messages in source order, a map field's synthesized entry standing where the field
        // does; Confluent's message indexes count them that way.
        List<Positioned> nestedMessages = new ArrayList<>();
        for (FieldElement field : message.getFields()) {
            builder.addField(field(field, null, nestedMessages));
        }
        List<OneOfElement> oneOfs = message.getOneOfs();
        for (int i = 0; i < oneOfs.size(); i++) {
            builder.addOneofDecl(OneofDescriptorProto.newBuilder().setName(oneOfs.get(i).getName()));
            for (FieldElement field : oneOfs.get(i).getFields()) {
                builder.addField(field(field, i, nestedMessages));
            }
        }
        for (TypeElement nested : message.getNestedTypes()) {
            if (nested instanceof MessageElement nestedMessage) {
                nestedMessages.add(new Positioned(nestedMessage.getLocation(), message(nestedMessage)));
            } else if (nested instanceof EnumElement nestedEnum) {
                builder.addEnumType(enumeration(nestedEnum));
            }
        }
        nestedMessages.sort(Comparator.comparingInt((Positioned p) -> p.location().getLine())
                .thenComparingInt(p -> p.location().getColumn()));
        nestedMessages.forEach(p -> builder.addNestedType(p.message()));
        return builder.build();
    }

    private record Positioned(Location location, DescriptorProto message) {
    }

    private static FieldDescriptorProto field(FieldElement field, Integer oneOfIndex, List<Positioned> nestedMessages) {
        FieldDescriptorProto.Builder builder = FieldDescriptorProto.newBuilder()
                .setName(field.getName()).setNumber(field.getTag());
        if (field.getJsonName() != null) {
            builder.setJsonName(field.getJsonName());
        }
        String type = field.getType();
        if (type.startsWith("map<")) {
            builder.setLabel(FieldDescriptorProto.Label.LABEL_REPEATED)
                    .setType(FieldDescriptorProto.Type.TYPE_MESSAGE)
                    .setTypeName(mapEntry(field, nestedMessages));
            return builder.build();
        }
        builder.setLabel(field.getLabel() == Field.Label.REPEATED ? FieldDescriptorProto.Label.LABEL_REPEATED
                : field.getLabel() == Field.Label.REQUIRED ? FieldDescriptorProto.Label.LABEL_REQUIRED
                : FieldDescriptorProto.Label.LABEL_OPTIONAL);
        setType(builder, type);
        if (oneOfIndex != null) {
            builder.setOneofIndex(oneOfIndex);
        }
        return builder.build();
    }

    /** {@code map<K, V> name} is sugar for a repeated nested {@code NameEntry {K key = 1; V value = 2;}}. */
    private static String mapEntry(FieldElement field, List<Positioned> nestedMessages) {
        String mapType = field.getType();
        String inner = mapType.substring("map<".length(), mapType.length() - 1);
        int comma = inner.indexOf(',');
        String entryName = camel(field.getName()) + "Entry";
        FieldDescriptorProto.Builder key = FieldDescriptorProto.newBuilder().setName("key").setNumber(1)
                .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL);
        setType(key, inner.substring(0, comma).trim());
        FieldDescriptorProto.Builder value = FieldDescriptorProto.newBuilder().setName("value").setNumber(2)
                .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL);
        setType(value, inner.substring(comma + 1).trim());
        nestedMessages.add(new Positioned(field.getLocation(), DescriptorProto.newBuilder().setName(entryName)
                .setOptions(MessageOptions.newBuilder().setMapEntry(true))
                .addField(key).addField(value).build()));
        return entryName;
    }

    private static void setType(FieldDescriptorProto.Builder builder, String type) {
        FieldDescriptorProto.Type scalar = SCALARS.get(type);
        if (scalar != null) {
            builder.setType(scalar);
        } else {
            // Message or enum: protobuf-java decides which once it has resolved the name.
            builder.setTypeName(type);
        }
    }

    private static EnumDescriptorProto enumeration(EnumElement element) {
        EnumDescriptorProto.Builder builder = EnumDescriptorProto.newBuilder().setName(element.getName());
        for (EnumConstantElement constant : element.getConstants()) {
            builder.addValue(EnumValueDescriptorProto.newBuilder().setName(constant.getName())
                    .setNumber(constant.getTag()));
        }
        return builder.build();
    }

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static Map<String, FieldDescriptorProto.Type> scalars() {
        Map<String, FieldDescriptorProto.Type> map = new HashMap<>();
        for (String name : List.of("double", "float", "int64", "uint64", "int32", "fixed64", "fixed32", "bool",
                "string", "bytes", "uint32", "sfixed32", "sfixed64", "sint32", "sint64")) {
            map.put(name, FieldDescriptorProto.Type.valueOf("TYPE_" + name.toUpperCase(Locale.ROOT)));
        }
        return Map.copyOf(map);
    }
}
