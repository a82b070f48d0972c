package io.triggerlab.console.settings;

/**
 * The AWS Secrets Manager part of {@code aws.properties}: whether secrets the local vault lacks are looked up there, as
 * which profile and in which region.
 *
 * @param enabled whether Secrets Manager backs the local vault
 * @param profile the named AWS profile (also used for MSK IAM), or empty for the default credentials chain
 * @param region  Secrets Manager's region, or empty for the engine's
 */
public record SecretsManagerSettings(boolean enabled, String profile, String region) {

    public SecretsManagerSettings {
        profile = profile == null ? "" : profile.strip();
        region = region == null ? "" : region.strip();
        if (!region.isEmpty() && !region.matches("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d")) {
            throw new IllegalArgumentException("Region '" + region + "' is not valid: use an AWS region such as "
                    + "eu-west-1, or leave it empty for the engine's region");
        }
        if (profile.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("Profile '" + profile + "' is not valid: a profile name has no spaces "
                    + "(see ~/.aws/config)");
        }
    }
}
