package io.triggerlab.engine.controlplane.mapping;

/**
 * One {@code SourceAccessConfigurations} entry: an authentication secret or a VPC component.
 *
 * @param type a {@link SourceAccessType} name (kept as text so that an invalid value can be reported as AWS does)
 * @param uri  a Secrets Manager ARN, {@code subnet:subnet-…} or {@code security_group:sg-…}
 */
public record SourceAccessConfiguration(String type, String uri) {

    /** The type as an enum; only call this on validated configurations. */
    public SourceAccessType accessType() {
        return SourceAccessType.valueOf(type);
    }
}
