package io.triggerlab.engine.observe.systemlog;

/** The system log table could not be written or read; the message says which mapping and why. */
public final class SystemLogStoreException extends RuntimeException {
    public SystemLogStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
