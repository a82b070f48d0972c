package io.triggerlab.engine.infra.secrets;

/**
 * A secret that does not have the shape its use needs: not JSON, too large, or a field missing or of the wrong type.
 * The message names the secret and the field, never a value.
 */
public final class InvalidSecretException extends RuntimeException {

    public InvalidSecretException(String message) {
        super(message);
    }
}
