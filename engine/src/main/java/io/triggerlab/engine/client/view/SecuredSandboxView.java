package io.triggerlab.engine.client.view;

import java.nio.file.Path;

/**
 * What a client shows about a running secured sandbox.
 *
 * @param clusterArn  the sandbox's MSK cluster ARN
 * @param saslScram   SASL/SCRAM (SASL_SSL) bootstrap brokers
 * @param tls         TLS bootstrap brokers (mTLS too)
 * @param caFile      the CA certificate's file, for clients' truststores
 * @param caSecretArn the secret holding that CA, for SERVER_ROOT_CA_CERTIFICATE in self-managed mappings
 */
public record SecuredSandboxView(String clusterArn, String saslScram, String tls, Path caFile, String caSecretArn) {
}
