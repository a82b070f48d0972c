package io.triggerlab.engine.invoke;

/** What calling a Java handler came to, before the invoker adds logs and duration. */
sealed interface HandlerOutcome {

    /** The handler returned; {@code payload} is its response serialized as Lambda does. */
    record Returned(byte[] payload) implements HandlerOutcome {
    }

    /** The handler (or its class initialization, constructor or (de)serialization) threw: Lambda's error JSON. */
    record Threw(byte[] errorPayload) implements HandlerOutcome {
    }

    /** The handler could not be found or set up at all; {@code message} says what to fix. */
    record NotCallable(String message) implements HandlerOutcome {
    }
}
