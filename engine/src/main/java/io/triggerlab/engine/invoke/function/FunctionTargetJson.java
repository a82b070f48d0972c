package io.triggerlab.engine.invoke.function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Stores a {@link FunctionTarget} as JSON. The kind ({@link FunctionTarget#kind()}) is stored next to it and picks
 * the record type; paths are stored as written (Jackson's default would turn them into absolute {@code file:} URIs).
 */
final class FunctionTargetJson {

    private final ObjectMapper mapper;

    FunctionTargetJson() {
        SimpleModule paths = new SimpleModule("paths")
                .addSerializer(Path.class, ToStringSerializer.instance)
                .addDeserializer(Path.class, new PathDeserializer());
        mapper = JsonMapper.builder()
                .addModule(paths)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    String write(FunctionTarget target) {
        try {
            return mapper.writeValueAsString(target);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the " + target.kind() + " target as JSON", e);
        }
    }

    FunctionTarget read(String kind, String json) {
        Class<? extends FunctionTarget> type = switch (kind) {
            case "lambda" -> LambdaInvokeTarget.class;
            case "java" -> JavaHandlerTarget.class;
            case "command" -> CommandTarget.class;
            case "runtime" -> RuntimeTarget.class;
            default -> throw new IllegalStateException("Stored function target has unknown kind '" + kind + "'");
        };
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored " + kind + " function target is not readable: " + e.getMessage(), e);
        }
    }

    private static final class PathDeserializer extends StdScalarDeserializer<Path> {
        private PathDeserializer() {
            super(Path.class);
        }

        @Override
        public Path deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return Path.of(p.getValueAsString());
        }
    }
}
