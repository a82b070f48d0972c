package io.triggerlab.engine.infra.auth;

/**
 * Where MSK IAM credentials come from: the AWS SDK's default chain (environment, {@code AWS_PROFILE}, SSO, container
 * and instance roles) or a named profile from {@code ~/.aws/config} (SSO profiles included; log in first with
 * {@code aws sso login --profile <name>}).
 *
 * @param profileName a named profile, or {@code null} for the default chain
 */
public record MskIamSettings(String profileName) {

    public MskIamSettings {
        if (profileName != null && !profileName.matches("[A-Za-z0-9._@+-]+")) {
            throw new IllegalArgumentException("AWS profile name '" + profileName
                    + "' is not valid: use the name of a [profile …] section of ~/.aws/config");
        }
    }

    public static MskIamSettings defaultChain() {
        return new MskIamSettings(null);
    }
}
