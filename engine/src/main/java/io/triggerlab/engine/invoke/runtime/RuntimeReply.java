package io.triggerlab.engine.invoke.runtime;

/** What the runtime posted back for one invocation (or for its init). */
sealed interface RuntimeReply {

    /** {@code POST /runtime/invocation/{id}/response}. */
    record Response(byte[] body) implements RuntimeReply {
    }

    /** {@code POST /runtime/invocation/{id}/error}; {@code errorType} is the {@code Lambda-Runtime-Function-Error-Type} header. */
    record Error(String errorType, byte[] body) implements RuntimeReply {
    }

    /** {@code POST /runtime/init/error}: the runtime could not load the handler and will exit. */
    record InitError(String errorType, byte[] body) implements RuntimeReply {
    }

    /** A response over Lambda's limit; the runtime was answered 413 and the body was dropped. */
    record ResponseTooLarge(long bytes) implements RuntimeReply {
    }
}
