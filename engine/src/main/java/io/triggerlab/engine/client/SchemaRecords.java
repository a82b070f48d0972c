package io.triggerlab.engine.client;

import io.triggerlab.engine.controlplane.mapping.SchemaRegistryConfig;
import io.triggerlab.engine.infra.schema.ConfluentRegistryClient;
import io.triggerlab.engine.infra.schema.RegisteredSchema;
import io.triggerlab.engine.infra.schema.SchemaEncoders;
import io.triggerlab.engine.infra.schema.SchemaEncodingException;
import io.triggerlab.engine.infra.schema.SchemaFormat;
import io.triggerlab.engine.infra.schema.SchemaNotFoundException;
import io.triggerlab.engine.infra.schema.WireFraming;
import io.triggerlab.engine.runtime.schema.SchemaRegistryAccess;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Producing records framed by a schema registry, as a Confluent or Glue serializer writes them: choose a subject (or a
 * Glue schema version), register a schema, encode JSON values with it. Reaches Confluent-compatible registries without
 * credentials (the sandbox's, a local one); a Glue registry through the AWS settings the pollers use.
 */
public final class SchemaRecords {

    private final Optional<URI> sandbox;
    private final SchemaRegistryAccess glue;
    private final SchemaEncoders encoders = new SchemaEncoders();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SchemaRecords(Optional<URI> sandbox, SchemaRegistryAccess glue) {
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
        this.glue = Objects.requireNonNull(glue, "glue");
    }

    /** The sandbox's registry URL, when the engine runs the sandbox. */
    public Optional<URI> sandboxRegistry() {
        return sandbox;
    }

    /** A Confluent-compatible registry's subjects; a Glue ARN has none to list here (empty). */
    public List<String> subjects(String registry) {
        return isGlue(registry) ? List.of() : confluent(registry).subjects();
    }

    /**
     * Finds or registers the schema to encode with: for a Confluent-compatible registry, {@code schemaText} is
     * registered under {@code subject} (the registry answers the existing id when it already holds it), or, when
     * blank, the subject's latest version is used; for a Glue registry ARN, {@code subject} is the schema version UUID.
     *
     * @throws SchemaEncodingException the subject has no schema, or the registry refuses the one given
     */
    public PreparedSchema prepare(String registry, String subject, SchemaFormat format, String schemaText) {
        String where = Objects.requireNonNull(registry, "registry").strip();
        String name = subject == null ? "" : subject.strip();
        if (where.isEmpty()) {
            throw new SchemaEncodingException("Give the schema registry: its URL, or a Glue registry ARN");
        }
        if (name.isEmpty()) {
            throw new SchemaEncodingException(isGlue(where) ? "Give the Glue schema version id (a UUID)"
                    : "Give the subject, e.g. orders-value");
        }
        if (isGlue(where)) {
            return glueVersion(where, name);
        }
        ConfluentRegistryClient client = confluent(where);
        if (schemaText == null || schemaText.isBlank()) {
            RegisteredSchema latest;
            try {
                latest = client.latest(name);
            } catch (SchemaNotFoundException e) {
                throw new SchemaEncodingException("Subject " + name + " has no schema in " + where
                        + ": paste a schema to register it", e);
            }
            if (format != null && latest.format() != format) {
                throw new SchemaEncodingException("Subject " + name + " holds a " + latest.format() + " schema, not "
                        + format + ": choose " + latest.format() + ", or paste a " + format + " schema to register");
            }
            return new PreparedSchema(where, name, latest, WireFraming.Registry.CONFLUENT);
        }
        SchemaFormat chosen = format == null ? SchemaFormat.AVRO : format;
        int id = client.register(name, chosen, schemaText);
        return new PreparedSchema(where, name, new RegisteredSchema(String.valueOf(id), chosen, schemaText, Map.of()),
                WireFraming.Registry.CONFLUENT);
    }

    /**
     * One value encoded and framed: checked against the schema by decoding it back as a poller would.
     *
     * @throws SchemaEncodingException the value does not fit, said with the field's path
     */
    public byte[] encode(PreparedSchema schema, String json) {
        return encoders.encode(schema.schema(), json, schema.framing());
    }

    /** The subjects that use a Confluent schema id in a registry, e.g. {@code [orders-value]}; empty for Glue. */
    public List<String> subjectsOf(String registry, String schemaId) {
        return isGlue(registry) ? List.of() : confluent(registry).subjectsOf(schemaId);
    }

    private PreparedSchema glueVersion(String registryArn, String versionId) {
        try {
            java.util.UUID.fromString(versionId);
        } catch (IllegalArgumentException e) {
            throw new SchemaEncodingException("Glue schema version id '" + versionId + "' is not a UUID", e);
        }
        RegisteredSchema schema = glue.client(new SchemaRegistryConfig(registryArn, "JSON", List.of(), List.of()))
                .schemaById(versionId);
        return new PreparedSchema(registryArn, versionId, schema, WireFraming.Registry.GLUE);
    }

    private ConfluentRegistryClient confluent(String registry) {
        URI uri;
        try {
            uri = URI.create(registry.strip());
        } catch (IllegalArgumentException e) {
            throw new SchemaEncodingException("Schema registry '" + registry + "' is not a URL", e);
        }
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
            throw new SchemaEncodingException("Schema registry '" + registry + "' is neither an http(s) URL nor a "
                    + "Glue registry ARN");
        }
        return new ConfluentRegistryClient(uri, http, Optional.empty());
    }

    private static boolean isGlue(String registry) {
        return registry != null && registry.strip().startsWith("arn:");
    }
}
