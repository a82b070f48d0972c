package io.triggerlab.engine.infra.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** JSON Schema bodies: JSON text that must be one whole document valid against the registry's schema. */
final class JsonSchemaDecoder {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Schema schema;

    JsonSchemaDecoder(String schemaText) {
        try {
            this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaText);
        } catch (RuntimeException e) {
            throw new SchemaDecodingException("The registry's JSON Schema does not parse: " + e.getMessage(), e);
        }
    }

    JsonNode decode(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        JsonNode document;
        try {
            document = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SchemaDecodingException("JSON body is not one JSON document: " + e.getOriginalMessage(), e);
        }
        if (document == null || document.isMissingNode()) {
            throw new SchemaDecodingException("JSON body is empty");
        }
        List<Error> errors = schema.validate(text, InputFormat.JSON);
        if (!errors.isEmpty()) {
            throw new SchemaDecodingException("JSON body is not valid against its schema: " + errors.stream()
                    .limit(5).map(Error::getMessage).collect(Collectors.joining("; ")));
        }
        return document;
    }
}
