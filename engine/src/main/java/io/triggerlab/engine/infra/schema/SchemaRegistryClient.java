package io.triggerlab.engine.infra.schema;

/** Reads schemas by the id a framed record names. Implementations are thread-safe. */
public interface SchemaRegistryClient {

    /**
     * @throws SchemaNotFoundException            the registry has no schema under {@code schemaId}
     * @throws SchemaRegistryUnavailableException the registry could not be asked
     */
    RegisteredSchema schemaById(String schemaId);
}
