package io.triggerlab.console.wizard;

import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.SourceAccessConfiguration;
import io.triggerlab.engine.controlplane.mapping.SourceAccessType;

import java.util.ArrayList;
import java.util.List;

/**
 * The Authentication step as chosen: a method, its secret, and (self-managed only) a server root CA secret.
 *
 * @param secretArn       the method's secret, or blank
 * @param rootCaSecretArn a SERVER_ROOT_CA_CERTIFICATE secret, or blank
 */
public record AuthChoice(AuthMethod method, String secretArn, String rootCaSecretArn) {

    public static final AuthChoice NONE = new AuthChoice(AuthMethod.NONE, "", "");

    /** The choice an existing trigger was made with. */
    public static AuthChoice of(EventSourceMapping mapping) {
        AuthMethod method = mapping.isMsk() ? AuthMethod.IAM : AuthMethod.NONE;
        String secret = "";
        String rootCa = "";
        for (SourceAccessConfiguration sac : mapping.sourceAccessConfigurations()) {
            SourceAccessType type = sac.accessType();
            if (type == SourceAccessType.SERVER_ROOT_CA_CERTIFICATE) {
                rootCa = sac.uri();
            } else if (AuthMethod.of(type, mapping.isMsk()).needsSecret()) {
                method = AuthMethod.of(type, mapping.isMsk());
                secret = sac.uri();
            }
        }
        return new AuthChoice(method, secret, rootCa);
    }

    /**
     * The SourceAccessConfigurations to send; a missing secret is sent as an empty URI so the API's own rule words
     * the refusal. VPC entries of an existing trigger are kept as they were.
     */
    public List<SourceAccessConfiguration> toConfigurations(TriggerType trigger, List<SourceAccessConfiguration> keep) {
        List<SourceAccessConfiguration> out = new ArrayList<>();
        if (method != null && method.needsSecret()) {
            out.add(new SourceAccessConfiguration(method.type().name(), strip(secretArn)));
        }
        if (trigger == TriggerType.SELF_MANAGED && !strip(rootCaSecretArn).isEmpty()) {
            out.add(new SourceAccessConfiguration(SourceAccessType.SERVER_ROOT_CA_CERTIFICATE.name(),
                    strip(rootCaSecretArn)));
        }
        for (SourceAccessConfiguration sac : keep) {
            if (sac.type().startsWith("VPC_")) {
                out.add(sac);
            }
        }
        return out;
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
