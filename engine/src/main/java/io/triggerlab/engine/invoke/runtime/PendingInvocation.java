package io.triggerlab.engine.invoke.runtime;

import java.util.concurrent.CompletableFuture;

/**
 * One invocation handed to a runtime through {@code /next}: the headers Lambda sends with it and the reply to come.
 *
 * @param requestId   {@code Lambda-Runtime-Aws-Request-Id}
 * @param event       the event JSON (a copy the invocation owns)
 * @param deadlineMs  {@code Lambda-Runtime-Deadline-Ms}, epoch milliseconds
 * @param functionArn {@code Lambda-Runtime-Invoked-Function-Arn}
 * @param traceId     {@code Lambda-Runtime-Trace-Id}
 * @param reply       completed by the runtime's response or error
 */
record PendingInvocation(String requestId, byte[] event, long deadlineMs, String functionArn, String traceId,
                         CompletableFuture<RuntimeReply> reply) {
}
