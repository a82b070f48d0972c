package io.triggerlab.engine.client.view;

/**
 * Whether AWS Secrets Manager backs the local vault, as {@code aws.properties} in the data directory says.
 *
 * @param enabled whether the pollers look up secrets the local vault lacks in Secrets Manager
 * @param profile the named AWS profile, blank for the default credentials chain
 * @param region  Secrets Manager's region, blank for the engine's own
 */
public record SecretsManagerView(boolean enabled, String profile, String region) {

    public SecretsManagerView {
        profile = profile == null ? "" : profile;
        region = region == null ? "" : region;
    }
}
