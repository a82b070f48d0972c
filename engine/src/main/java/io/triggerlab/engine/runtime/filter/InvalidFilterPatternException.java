package io.triggerlab.engine.runtime.filter;

/** A filter pattern that does not parse; the message says what is wrong and where, for the API error. */
public final class InvalidFilterPatternException extends RuntimeException {

    public InvalidFilterPatternException(String message) {
        super(message);
    }
}
