package io.triggerlab.engine.infra.sandbox;

import org.apache.kafka.common.security.auth.SecurityProtocol;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The sandbox broker in "secured" mode: besides PLAINTEXT (which the broker uses for itself and whose anonymous
 * principal must stay a super user, or KRaft registration hangs), it gets
 * <ul>
 *   <li>{@value #SASL_SSL}: SASL_SSL with SCRAM-SHA-512 and SCRAM-SHA-256 users (added at run time),</li>
 *   <li>{@value #SASL_PLAIN}: SASL_SSL with SASL/PLAIN users (fixed at start),</li>
 *   <li>{@value #MTLS}: SSL that requires a client certificate; the principal is {@code User:<CN>},</li>
 *   <li>{@value #TLS}: SSL that asks for a client certificate but does not require one, like MSK's TLS port with
 *   mTLS and unauthenticated access both enabled: with a certificate the principal is {@code User:<CN>}, without one
 *   it is the anonymous super user,</li>
 * </ul>
 * all with a certificate from the sandbox's own {@link SandboxCa}, and the StandardAuthorizer with
 * {@code allow.everyone.if.no.acl.found=false}, so SASL and mTLS principals need ACLs like on a real cluster.
 */
public final class SecuredListeners {

    public static final String SASL_SSL = "SASL_SSL";
    public static final String SASL_PLAIN = "SASL_PLAIN";
    public static final String MTLS = "MTLS";
    public static final String TLS = "TLS";

    private SecuredListeners() {
    }

    /**
     * The settings with the four secured listeners on free ports and their properties.
     *
     * @param plainUsers SASL/PLAIN user names and passwords for {@value #SASL_PLAIN} (PLAIN users are static)
     */
    public static BrokerSettings secure(BrokerSettings base, SandboxCa ca, Map<String, String> plainUsers) {
        Objects.requireNonNull(ca, "ca");
        IssuedCertificate broker = ca.issueServer("localhost", List.of("localhost"), List.of("127.0.0.1"));
        Map<String, String> p = new HashMap<>();
        p.put("ssl.keystore.type", "PEM");
        p.put("ssl.keystore.certificate.chain", broker.certificateChainPem());
        p.put("ssl.keystore.key", broker.privateKeyPem());
        p.put("ssl.truststore.type", "PEM");
        p.put("ssl.truststore.certificates", ca.certificatePem());
        p.put("ssl.principal.mapping.rules", "RULE:^CN=([^,]+),O=" + SandboxCa.ORGANISATION + "$/$1/,DEFAULT");
        p.put(prefix(MTLS) + "ssl.client.auth", "required");
        p.put(prefix(TLS) + "ssl.client.auth", "requested");
        p.put(prefix(SASL_SSL) + "sasl.enabled.mechanisms", "SCRAM-SHA-512,SCRAM-SHA-256");
        String scram = "org.apache.kafka.common.security.scram.ScramLoginModule required;";
        p.put(prefix(SASL_SSL) + "scram-sha-512.sasl.jaas.config", scram);
        p.put(prefix(SASL_SSL) + "scram-sha-256.sasl.jaas.config", scram);
        p.put(prefix(SASL_PLAIN) + "sasl.enabled.mechanisms", "PLAIN");
        p.put(prefix(SASL_PLAIN) + "plain.sasl.jaas.config", plainJaas(plainUsers));
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:ANONYMOUS");
        p.put("allow.everyone.if.no.acl.found", "false");
        return base.withListener(new SandboxListener(SASL_SSL, SecurityProtocol.SASL_SSL, 0))
                .withListener(new SandboxListener(SASL_PLAIN, SecurityProtocol.SASL_SSL, 0))
                .withListener(new SandboxListener(MTLS, SecurityProtocol.SSL, 0))
                .withListener(new SandboxListener(TLS, SecurityProtocol.SSL, 0))
                .withExtraProperties(p);
    }

    private static String prefix(String listener) {
        return "listener.name." + listener.toLowerCase(java.util.Locale.ROOT) + ".";
    }

    private static String plainJaas(Map<String, String> users) {
        StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
        users.forEach((user, password) -> {
            if (!user.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("SASL/PLAIN user name '" + user
                        + "' is not valid: use letters, digits, '.', '_' and '-'");
            }
            jaas.append(" user_").append(user).append("=\"").append(JaasText.quote(password)).append('"');
        });
        return jaas.append(';').toString();
    }
}
