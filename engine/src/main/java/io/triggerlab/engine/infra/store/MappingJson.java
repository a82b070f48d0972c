package io.triggerlab.engine.infra.store;

import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.DeserializationContext;

import java.time.Instant;

/**
 * The storage form of an {@link EventSourceMapping}: its record components as JSON (not the API's wire form, which
 * the HTTP layer owns). Only fields are read, so derived accessors such as {@code isMsk()} are not stored.
 */
final class MappingJson {

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new SimpleModule("instants")
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addDeserializer(Instant.class, new InstantDeserializer()))
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    String write(EventSourceMapping mapping) {
        try {
            return mapper.writeValueAsString(mapping);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store mapping " + mapping.uuid() + " as JSON", e);
        }
    }

    EventSourceMapping read(String json) {
        try {
            return mapper.readValue(json, EventSourceMapping.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored mapping is not readable: " + e.getOriginalMessage(), e);
        }
    }

    private static final class InstantDeserializer extends FromStringDeserializer<Instant> {
        private InstantDeserializer() {
            super(Instant.class);
        }

        @Override
        protected Instant _deserialize(String value, DeserializationContext ctxt) {
            return Instant.parse(value);
        }
    }
}
