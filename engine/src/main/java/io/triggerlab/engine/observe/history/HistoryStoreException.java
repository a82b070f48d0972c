package io.triggerlab.engine.observe.history;

/** The history database failed or holds something it should not; the message says which operation and why. */
public final class HistoryStoreException extends RuntimeException {
    public HistoryStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
