package io.triggerlab.engine.runtime.destination;

import java.util.List;

/**
 * What a destination did with a failed batch.
 *
 * @param target   the destination as configured ({@code kafka://dlq}, an SQS/SNS/S3 ARN)
 * @param messages the exact failure records written, as JSON bytes, in order
 * @param note     one line for the history: where they went (produced, or kept in the local outbox)
 */
public record Delivery(String target, List<byte[]> messages, String note) {

    public Delivery {
        messages = List.copyOf(messages);
    }
}
