package io.triggerlab.console.inspector;

/**
 * What the inspector asks about a schema-decoded record: the trigger's {@code EventRecordFormat} and the registry's
 * subject for a schema id. Called off the FX thread; may ask the registry over the network.
 */
public interface SchemaLookup {

    /**
     * @return the facts; {@code subject} "" when the registry has none to say (Glue, or unreachable)
     */
    Facts facts(String mappingUuid, String schemaId);

    record Facts(String subject, String eventRecordFormat) {
    }
}
