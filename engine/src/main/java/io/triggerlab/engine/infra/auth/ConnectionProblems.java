package io.triggerlab.engine.infra.auth;

import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;

/**
 * Maps what kafka-clients throws to AWS's LastProcessingResult (docs/aws-behaviour.md#connection-problems). The mapping follows the exceptions
 * kafka-clients 4.4 really throws (notes/embedded-kafka.md §4):
 * <ul>
 *   <li>{@code SaslAuthenticationException} (wrong password or unknown user; IAM without kafka-cluster:Connect) ⇒
 *       SASL authentication failed;</li>
 *   <li>any {@code AuthorizationException} (group, topic, cluster) ⇒ Cluster failed to authorize Lambda;</li>
 *   <li>{@code SslAuthenticationException} caused by our own certificate checks of the server (PKIX path, hostname /
 *       SAN mismatch) ⇒ Lambda failed to authenticate server; any other TLS handshake failure (the broker sent
 *       {@code bad_certificate}: no client certificate, or one it does not trust) ⇒ Server failed to authenticate
 *       Lambda;</li>
 *   <li>a PEM keystore the client refused ⇒ Provided certificate or private key is invalid;</li>
 *   <li>everything else (timeouts, unreachable brokers) ⇒ Connection error.</li>
 * </ul>
 */
public final class ConnectionProblems {

    private ConnectionProblems() {
    }

    public static ConnectionProblem classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ClientSecurityException cse) {
                return cse.problem();
            }
            if (t instanceof SaslAuthenticationException) {
                return ConnectionProblem.SASL_AUTHENTICATION_FAILED;
            }
            if (t instanceof AuthorizationException) {
                return ConnectionProblem.CLUSTER_FAILED_TO_AUTHORIZE;
            }
            if (t instanceof SslAuthenticationException) {
                return serverCertificateRejected(t) ? ConnectionProblem.LAMBDA_FAILED_TO_AUTHENTICATE_SERVER
                        : ConnectionProblem.SERVER_FAILED_TO_AUTHENTICATE_LAMBDA;
            }
            if (t instanceof InvalidConfigurationException && String.valueOf(t.getMessage()).contains("PEM")) {
                return ConnectionProblem.INVALID_CERTIFICATE_OR_KEY;
            }
        }
        return ConnectionProblem.CONNECTION_ERROR;
    }

    /** True when our side refused the broker's certificate (rather than the broker refusing ours). */
    private static boolean serverCertificateRejected(Throwable ssl) {
        for (Throwable t = ssl; t != null; t = t.getCause()) {
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException
                    || t instanceof CertificateException) {
                return true;
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("pkix path") || message.contains("certification path")
                    || message.contains("subject alternative names") || message.contains("no name matching")) {
                return true;
            }
        }
        return false;
    }
}
