package io.triggerlab.engine.infra.secrets;

/** A secret store could not be read or written (I/O, decryption, AWS unreachable). Never carries a secret value. */
public final class SecretAccessException extends RuntimeException {

    public SecretAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
