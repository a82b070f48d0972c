package io.triggerlab.console.settings;

import io.triggerlab.engine.infra.secrets.SecretMetadata;
import io.triggerlab.engine.infra.secrets.SecretShapes;
import io.triggerlab.engine.infra.secrets.SecretValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The vault in memory, checking secrets with the engine's own {@link SecretShapes}. */
final class FakeSecrets implements SecretsBackend {

    final Map<String, SecretValue> values = new LinkedHashMap<>();
    SecretsManagerSettings secretsManager = new SecretsManagerSettings(false, "", "");

    @Override
    public List<SecretMetadata> list() {
        List<SecretMetadata> out = new ArrayList<>();
        values.forEach((arn, value) -> out.add(new SecretMetadata(arn, SecretShapes.requireStorable(arn, value),
                value.sizeBytes(), Instant.parse("2026-11-25T10:15:30Z"))));
        return out;
    }

    @Override
    public SecretMetadata put(String secretArn, SecretValue value) {
        List<String> fields = SecretShapes.requireStorable(secretArn, value);
        values.put(secretArn, value);
        return new SecretMetadata(secretArn, fields, value.sizeBytes(), Instant.parse("2026-11-25T10:15:30Z"));
    }

    @Override
    public boolean remove(String secretArn) {
        return values.remove(secretArn) != null;
    }

    @Override
    public SecretValue value(String secretArn) {
        return values.get(secretArn);
    }

    @Override
    public String region() {
        return "us-east-1";
    }

    @Override
    public String accountId() {
        return "000000000000";
    }

    @Override
    public SecretsManagerSettings secretsManager() {
        return secretsManager;
    }

    @Override
    public void saveSecretsManager(SecretsManagerSettings settings) {
        secretsManager = settings;
    }
}
