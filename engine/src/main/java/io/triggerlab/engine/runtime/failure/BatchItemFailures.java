package io.triggerlab.engine.runtime.failure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.runtime.payload.KafkaEventWriter;
import io.triggerlab.engine.invoke.InvocationResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code ReportBatchItemFailures} response (docs/aws-behaviour.md#retries):
 * {@code {"batchItemFailures":[{"itemIdentifier":{"partition":"topic-0","offset":100}}]}}. Pure.
 *
 * <ul>
 *   <li>Empty body, {@code null}, a body without {@code batchItemFailures}, or an empty/null list: success (AWS's
 *   "complete success" list for stream sources).</li>
 *   <li>Every identifier names a record of the batch: those records failed.</li>
 *   <li>An identifier that is null, malformed (not {@code {"partition":"<topic>-<n>","offset":<n>}}), or names no
 *   record of the batch: the whole batch failed (AWS's "complete failure" list).</li>
 *   <li>A body that is not JSON, or JSON but not an object ({@code "done"}, {@code [1]}, {@code 42}): the whole batch
 *   failed. AWS documents this only for SQS ("an invalid JSON response"); for Kafka it documents nothing, and this is
 *   the reading that can never lose a record (docs/aws-reading.md).</li>
 * </ul>
 */
public final class BatchItemFailures {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the response says. */
    public sealed interface Report {
        public record AllSucceeded() implements Report {
        }

        /** The function named records that failed; {@code failed} holds them in batch order. */
        public record SomeFailed(List<ConsumerRecord<byte[], byte[]>> failed) implements Report {
        }

        /** The response cannot be applied to the batch, so all of it failed. */
        public record Invalid(String reason) implements Report {
        }
    }

    private BatchItemFailures() {
    }

    /**
     * What the history shows for a successful invocation the policy did not commit whole: the records its
     * {@code batchItemFailures} named failed, or why the response fails the whole batch. Empty when there is nothing
     * to say (not a success, or committed).
     */
    public static Optional<String> historyNote(InvocationResult result, FailurePolicy.Decision decision,
                                               List<ConsumerRecord<byte[], byte[]>> records) {
        if (!(result instanceof InvocationResult.Success success) || decision instanceof FailurePolicy.Decision.Commit) {
            return Optional.empty();
        }
        Report report = read(success.payload(), records);
        return Optional.of(report instanceof Report.SomeFailed some
                ? "The function reported " + some.failed().size() + " of " + records.size()
                + " record(s) failed (batchItemFailures); each partition resumes at its first failed offset"
                : "The batchItemFailures response fails the whole batch: "
                + (report instanceof Report.Invalid invalid ? invalid.reason() : "no record was named"));
    }

    public static Report read(byte[] response, List<ConsumerRecord<byte[], byte[]>> batch) {
        JsonNode root;
        try {
            root = response == null || response.length == 0 ? null : JSON.readTree(response);
        } catch (IOException e) {
            return new Report.Invalid("the response is not JSON, so it cannot say which records failed");
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            return new Report.AllSucceeded();
        }
        if (!root.isObject()) {
            return new Report.Invalid("the response is " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    + " JSON, not an object with batchItemFailures");
        }
        JsonNode failures = root.get("batchItemFailures");
        if (failures == null || failures.isNull() || (failures.isArray() && failures.isEmpty())) {
            return new Report.AllSucceeded();
        }
        if (!failures.isArray()) {
            return new Report.Invalid("batchItemFailures is not a list");
        }
        Set<String> named = new HashSet<>();
        for (JsonNode failure : failures) {
            JsonNode id = failure == null ? null : failure.get("itemIdentifier");
            Long offset = id == null ? null : offset(id.get("offset"));
            if (id == null || !id.path("partition").isTextual() || offset == null) {
                return new Report.Invalid("itemIdentifier " + id + " is not {\"partition\":\"<topic>-<partition>\",\"offset\":<n>}");
            }
            named.add(key(id.get("partition").textValue(), offset));
        }
        List<ConsumerRecord<byte[], byte[]>> failed = batch.stream()
                .filter(r -> named.contains(key(KafkaEventWriter.partitionKey(r.topic(), r.partition()), r.offset())))
                .toList();
        if (failed.size() != named.size()) {
            return new Report.Invalid("an itemIdentifier names a record that is not in the batch");
        }
        return new Report.SomeFailed(failed);
    }

    /** An integral JSON number, or a string of one; {@code null} otherwise. */
    private static Long offset(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.textValue());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String key(String partition, long offset) {
        return partition + "@" + offset;
    }
}
