package io.triggerlab.engine.infra.auth;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.security.cert.CertPathBuilderException;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The exceptions (and texts) kafka-clients 4.4 throws, per notes/embedded-kafka.md §4, mapped to AWS's strings. */
class ConnectionProblemsTest {

    private static SSLHandshakeException handshake(String message, Throwable cause) {
        SSLHandshakeException e = new SSLHandshakeException(message);
        e.initCause(cause);
        return e;
    }

    @Test
    void wrongScramPassword_isSaslAuthenticationFailed() {
        assertThat(ConnectionProblems.classify(new SaslAuthenticationException("Authentication failed during "
                + "authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512")).lastProcessingResult())
                .isEqualTo("PROBLEM: SASL authentication failed.");
    }

    @Test
    void missingGroupTopicOrClusterAcl_isClusterFailedToAuthorize() {
        assertThat(ConnectionProblems.classify(new GroupAuthorizationException("Not authorized to access group: g")))
                .isEqualTo(ConnectionProblem.CLUSTER_FAILED_TO_AUTHORIZE);
        assertThat(ConnectionProblems.classify(new TopicAuthorizationException(Set.of("t"))))
                .isEqualTo(ConnectionProblem.CLUSTER_FAILED_TO_AUTHORIZE);
        assertThat(ConnectionProblems.classify(new ClusterAuthorizationException("Cluster authorization failed.")))
                .isEqualTo(ConnectionProblem.CLUSTER_FAILED_TO_AUTHORIZE);
        assertThat(ConnectionProblem.CLUSTER_FAILED_TO_AUTHORIZE.lastProcessingResult())
                .isEqualTo("PROBLEM: Cluster failed to authorize Lambda.");
    }

    @Test
    void brokerRejectingOurCertificate_isServerFailedToAuthenticateLambda() {
        var tls13 = new SslAuthenticationException("Failed to process post-handshake messages",
                handshake("Received fatal alert: bad_certificate", null));
        var tls12 = new SslAuthenticationException("SSL handshake failed",
                handshake("Received fatal alert: bad_certificate", null));
        assertThat(ConnectionProblems.classify(tls13)).isEqualTo(ConnectionProblem.SERVER_FAILED_TO_AUTHENTICATE_LAMBDA);
        assertThat(ConnectionProblems.classify(tls12)).isEqualTo(ConnectionProblem.SERVER_FAILED_TO_AUTHENTICATE_LAMBDA);
    }

    @Test
    void untrustedBrokerCertificateOrHostnameMismatch_isLambdaFailedToAuthenticateServer() {
        var pkix = new SslAuthenticationException("SSL handshake failed", handshake("PKIX path building failed: "
                + "unable to find valid certification path to requested target", new CertPathBuilderException("x")));
        var san = new SslAuthenticationException("SSL handshake failed",
                handshake("No subject alternative names matching IP address 127.0.0.1 found", null));
        assertThat(ConnectionProblems.classify(pkix)).isEqualTo(ConnectionProblem.LAMBDA_FAILED_TO_AUTHENTICATE_SERVER);
        assertThat(ConnectionProblems.classify(san)).isEqualTo(ConnectionProblem.LAMBDA_FAILED_TO_AUTHENTICATE_SERVER);
        assertThat(ConnectionProblem.LAMBDA_FAILED_TO_AUTHENTICATE_SERVER.lastProcessingResult())
                .isEqualTo("PROBLEM: Lambda failed to authenticate server.");
    }

    @Test
    void pemKeystoreRefusedByTheClient_isProvidedCertificateOrKeyInvalid() {
        var construction = new KafkaException("Failed to construct kafka consumer", new KafkaException(
                "Failed to create new NetworkClient", new InvalidConfigurationException("Invalid PEM keystore configs")));
        assertThat(ConnectionProblems.classify(construction)).isEqualTo(ConnectionProblem.INVALID_CERTIFICATE_OR_KEY);
        assertThat(ConnectionProblem.INVALID_CERTIFICATE_OR_KEY.lastProcessingResult())
                .isEqualTo("PROBLEM: Provided certificate or private key is invalid.");
    }

    @Test
    void ourOwnSecurityFailure_carriesItsProblem() {
        assertThat(ConnectionProblems.classify(new KafkaException("wrapped", new ClientSecurityException(
                ConnectionProblem.INVALID_CERTIFICATE_OR_KEY, "PBES2", null))))
                .isEqualTo(ConnectionProblem.INVALID_CERTIFICATE_OR_KEY);
    }

    @Test
    void anythingElse_isAConnectionError_withTheSameTextAsThePollers() {
        assertThat(ConnectionProblems.classify(new TimeoutException("Timeout expired while fetching topic metadata")))
                .isEqualTo(ConnectionProblem.CONNECTION_ERROR);
        assertThat(ConnectionProblem.CONNECTION_ERROR.lastProcessingResult())
                .isEqualTo(io.triggerlab.engine.runtime.report.ProcessingResults.CONNECTION_ERROR);
        assertThat(ConnectionProblem.CONNECTION_ERROR.stateTransitionReason()).isNull();
        assertThat(ConnectionProblem.SASL_AUTHENTICATION_FAILED.stateTransitionReason()).isEqualTo("EVENT_SOURCE_AUTHN_ERROR");
        assertThat(ConnectionProblem.CLUSTER_FAILED_TO_AUTHORIZE.stateTransitionReason()).isEqualTo("EVENT_SOURCE_AUTHZ_ERROR");
    }
}
