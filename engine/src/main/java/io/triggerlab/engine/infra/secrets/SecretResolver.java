package io.triggerlab.engine.infra.secrets;

import java.util.Objects;
import java.util.Optional;

/**
 * The secret a mapping names, from the local vault first and then, when configured, from AWS Secrets Manager. A
 * secret put into the vault therefore shadows the AWS one with the same ARN: handy to rehearse with other values.
 */
public final class SecretResolver implements SecretProvider {

    private final LocalVault vault;
    private final SecretProvider aws;

    /** @param aws AWS Secrets Manager, or {@code null} to use the local vault only */
    public SecretResolver(LocalVault vault, SecretProvider aws) {
        this.vault = Objects.requireNonNull(vault, "vault");
        this.aws = aws;
    }

    public Optional<SecretProvider> aws() {
        return Optional.ofNullable(aws);
    }

    @Override
    public SecretValue secretValue(String secretArn) {
        if (aws == null || vault.contains(secretArn)) {
            return vault.secretValue(secretArn);
        }
        return aws.secretValue(secretArn);
    }
}
