package io.triggerlab.engine.client;

import io.triggerlab.engine.EngineConfig;
import io.triggerlab.engine.client.view.SecretsManagerView;
import io.triggerlab.engine.infra.secrets.AwsSettingsFile;
import io.triggerlab.engine.infra.secrets.AwsSettingsWriter;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Reads and edits {@code aws.properties} in the engine's data directory; the engine reads it when it starts. */
final class AwsSettings {

    private final EngineConfig config;

    AwsSettings(EngineConfig config) {
        this.config = config;
    }

    private Path file() {
        return config.dataDirectory().resolve(AwsSettingsFile.NAME);
    }

    private AwsSettingsFile load() {
        return AwsSettingsFile.load(file(), config.region());
    }

    String profile() {
        return load().profile();
    }

    SecretsManagerView secretsManager() {
        AwsSettingsFile file = load();
        String region = file.secretsManager().region();
        return new SecretsManagerView(file.secretsManagerEnabled(), file.profile(),
                region.equals(config.region()) ? "" : region);
    }

    void saveSecretsManager(SecretsManagerView settings) {
        Map<String, String> changes = new HashMap<>();
        changes.put("secretsmanager.enabled", String.valueOf(settings.enabled()));
        changes.put("profile", settings.profile());
        changes.put("secretsmanager.region", settings.region());
        AwsSettingsWriter.update(file(), changes);
    }
}
