package io.triggerlab.console.wizard;

import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.KafkaEventSourceConfig;
import io.triggerlab.engine.controlplane.mapping.SchemaRegistryConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * The wizard's schema registry settings as typed: {@code SchemaRegistryConfig} of the Kafka event source config, in
 * AWS's members (SchemaRegistryURI, AccessConfigs, EventRecordFormat, SchemaValidationConfigs).
 *
 * @param enabled     whether the trigger has a SchemaRegistryConfig at all
 * @param uri         a Confluent-compatible registry's URL, or a Glue registry ARN
 * @param format      EventRecordFormat: JSON or SOURCE
 * @param authType    "" (none), BASIC_AUTH or CLIENT_CERTIFICATE_TLS_AUTH
 * @param authSecret  the secret of {@code authType}
 * @param rootCa      a SERVER_ROOT_CA_CERTIFICATE secret, or blank
 */
public record SchemaRegistrySettings(boolean enabled, String uri, String format, String authType, String authSecret,
                                     String rootCa, boolean validateKey, boolean validateValue) {

    public static final List<String> FORMATS = List.of("JSON", "SOURCE");
    public static final List<String> AUTH_TYPES = List.of("", "BASIC_AUTH", "CLIENT_CERTIFICATE_TLS_AUTH");
    public static final SchemaRegistrySettings NONE = new SchemaRegistrySettings(false, "", "JSON", "", "", "", false,
            true);

    /** What an existing trigger has. */
    public static SchemaRegistrySettings of(EventSourceMapping m) {
        KafkaEventSourceConfig kafka = m.kafkaEventSourceConfig();
        SchemaRegistryConfig c = kafka == null ? null : kafka.schemaRegistryConfig();
        if (c == null) {
            return NONE;
        }
        String authType = "";
        String authSecret = "";
        String rootCa = "";
        for (SchemaRegistryConfig.AccessConfig a : c.accessConfigs()) {
            if ("SERVER_ROOT_CA_CERTIFICATE".equals(a.type())) {
                rootCa = a.uri();
            } else {
                authType = a.type();
                authSecret = a.uri();
            }
        }
        List<String> attributes = c.schemaValidationConfigs().stream().map(SchemaRegistryConfig.ValidationConfig::attribute)
                .toList();
        return new SchemaRegistrySettings(true, nullToEmpty(c.schemaRegistryUri()), nullToEmpty(c.eventRecordFormat()),
                authType, authSecret, rootCa, attributes.contains("KEY"), attributes.contains("VALUE"));
    }

    /**
     * The config as the API takes it, or {@code null} when the trigger has none. Typed values are passed on as they
     * are, so the API's own validation words what is wrong (an empty URI, a format it does not know).
     */
    SchemaRegistryConfig toConfig() {
        if (!enabled) {
            return null;
        }
        List<SchemaRegistryConfig.AccessConfig> access = new ArrayList<>();
        if (!authType.isBlank()) {
            access.add(new SchemaRegistryConfig.AccessConfig(authType, authSecret.strip()));
        }
        if (!rootCa.isBlank()) {
            access.add(new SchemaRegistryConfig.AccessConfig("SERVER_ROOT_CA_CERTIFICATE", rootCa.strip()));
        }
        List<SchemaRegistryConfig.ValidationConfig> validation = new ArrayList<>();
        if (validateKey) {
            validation.add(new SchemaRegistryConfig.ValidationConfig("KEY"));
        }
        if (validateValue) {
            validation.add(new SchemaRegistryConfig.ValidationConfig("VALUE"));
        }
        if (!authType.isBlank() && authSecret.isBlank()) {
            throw new TriggerForm.FieldException(WizardStep.ADDITIONAL, "SchemaRegistryConfig.AccessConfigs " + authType
                    + " needs the ARN of its secret", "Choose the secret holding the registry's " + authType
                    + " credentials.");
        }
        return new SchemaRegistryConfig(uri == null || uri.isBlank() ? null : uri.strip(), format, access, validation);
    }

    /** The Kafka event source config with this registry beside the consumer group, or {@code null} for neither. */
    KafkaEventSourceConfig with(String consumerGroupId) {
        SchemaRegistryConfig config = toConfig();
        return consumerGroupId == null && config == null ? null : new KafkaEventSourceConfig(consumerGroupId, config);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
