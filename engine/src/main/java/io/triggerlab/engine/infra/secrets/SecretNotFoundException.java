package io.triggerlab.engine.infra.secrets;

/** No secret with this ARN; the message says where we looked and how to add it. Never carries a secret value. */
public final class SecretNotFoundException extends RuntimeException {

    private final String secretArn;

    public SecretNotFoundException(String secretArn, String message) {
        super(message);
        this.secretArn = secretArn;
    }

    public String secretArn() {
        return secretArn;
    }
}
