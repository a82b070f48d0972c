package io.triggerlab.engine.infra.secrets;

/**
 * Where the secrets named by {@code SourceAccessConfigurations} come from: TriggerLab's {@link LocalVault} or AWS
 * Secrets Manager ({@link SecretsManagerProvider}). A secret reference is always a Secrets Manager ARN.
 */
@FunctionalInterface
public interface SecretProvider {

    /**
     * The current value of the secret.
     *
     * @throws SecretNotFoundException if this provider has no secret with that ARN
     * @throws SecretAccessException   if the provider cannot be asked (unreachable, no credentials, access denied)
     */
    SecretValue secretValue(String secretArn);
}
