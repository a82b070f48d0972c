package io.triggerlab.engine.invoke;

/** A Java handler cannot be called as configured: missing class, no matching method, no usable constructor. */
final class HandlerNotCallableException extends Exception {

    HandlerNotCallableException(String message) {
        super(message);
    }
}
