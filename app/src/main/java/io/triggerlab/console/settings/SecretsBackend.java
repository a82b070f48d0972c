package io.triggerlab.console.settings;

import io.triggerlab.engine.infra.secrets.SecretMetadata;
import io.triggerlab.engine.infra.secrets.SecretValue;

import java.util.List;

/** The engine's local vault and aws.properties as Settings › Secrets uses them. Every call may block (files). */
public interface SecretsBackend {

    /** Every stored secret's ARN, fields and size; never a value. */
    List<SecretMetadata> list();

    /**
     * Stores or replaces a secret.
     *
     * @throws RuntimeException whose message names the secret and the field, never a value
     */
    SecretMetadata put(String secretArn, SecretValue value);

    boolean remove(String secretArn);

    /** A stored secret's value, for editing it. */
    SecretValue value(String secretArn);

    /** The engine's region and account, for the ARN of a secret given by name. */
    String region();

    String accountId();

    /** The Secrets Manager settings aws.properties holds now. */
    SecretsManagerSettings secretsManager();

    /** Writes them to aws.properties; the engine reads them at its next start. */
    void saveSecretsManager(SecretsManagerSettings settings);
}
