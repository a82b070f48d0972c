package io.triggerlab.engine.invoke;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.net.URI;

/**
 * Credentials for an endpoint override (Invoke, and the SQS/SNS/S3 on-failure destinations): the real ones when the
 * profile or default chain has them, otherwise fixed dummy keys. Local emulators ({@code sam local start-lambda}, the Runtime Interface Emulator, LocalStack) accept
 * any signature, so a developer without AWS credentials can still invoke them. The first failure is remembered so the
 * (possibly slow) credential chain is not probed again on every invocation.
 */
public final class EmulatorFallbackCredentialsProvider implements AwsCredentialsProvider {

    static final AwsCredentials DUMMY = AwsBasicCredentials.create("triggerlab-local", "triggerlab-local-secret");
    private static final Logger LOG = LoggerFactory.getLogger(EmulatorFallbackCredentialsProvider.class);

    private final AwsCredentialsProvider delegate;
    private final URI endpoint;
    private volatile boolean useDummy;

    public EmulatorFallbackCredentialsProvider(AwsCredentialsProvider delegate, URI endpoint) {
        this.delegate = delegate;
        this.endpoint = endpoint;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        if (useDummy) {
            return DUMMY;
        }
        try {
            return delegate.resolveCredentials();
        } catch (SdkClientException e) {
            useDummy = true;
            // The chain's own message lists every provider it tried: useful when debugging, noise otherwise.
            LOG.info("No AWS credentials found; signing requests to the endpoint override {} with dummy credentials, "
                    + "which local emulators accept", endpoint);
            LOG.debug("Credential lookup failed: {}", e.getMessage());
            return DUMMY;
        }
    }
}
