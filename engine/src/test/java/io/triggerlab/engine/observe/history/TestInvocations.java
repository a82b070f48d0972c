package io.triggerlab.engine.observe.history;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Builds invocations for tests. */
final class TestInvocations {

    static final Instant STARTED_AT = Instant.parse("2025-03-01T10:15:30.123456789Z");

    private TestInvocations() {
    }

    static InvocationRecord invocation(String mappingUuid, String batchId, int attempt, InvocationOutcome outcome,
                                       byte[] payload) {
        return new InvocationRecord(0, mappingUuid, batchId, attempt, UUID.randomUUID().toString(),
                STARTED_AT.plusSeconds(attempt), Duration.ofMillis(42), outcome,
                List.of(new PartitionRange("orders", 0, 100, 102, 3)), 3, payload.length, payload,
                outcome.isSuccess() ? "\"ok\"".getBytes(StandardCharsets.UTF_8) : null,
                outcome.isSuccess() ? null : "failed: " + outcome, "START RequestId\nEND\n");
    }

    static InvocationRecord invocation(String mappingUuid, InvocationOutcome outcome) {
        return invocation(mappingUuid, UUID.randomUUID().toString(), 1, outcome, eventJson(200, 1));
    }

    /** Event-like JSON of about {@code size} bytes: field names around random base64, as Lambda's Kafka event is. */
    static byte[] eventJson(int size, long seed) {
        Random random = new Random(seed);
        StringBuilder json = new StringBuilder(size + 200).append("{\"eventSource\":\"SelfManagedKafka\",\"records\":{");
        int offset = 0;
        while (json.length() < size) {
            byte[] value = new byte[Math.min(600, Math.max(1, size - json.length()))];
            random.nextBytes(value);
            json.append(offset == 0 ? "" : ",").append("{\"topic\":\"orders\",\"partition\":0,\"offset\":").append(offset++)
                    .append(",\"timestamp\":1740824130123,\"timestampType\":\"CREATE_TIME\",\"value\":\"")
                    .append(java.util.Base64.getEncoder().encodeToString(value)).append("\"}");
        }
        byte[] bytes = json.append("}}").toString().getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.copyOf(bytes, size);
    }

    /** Random bytes: nothing to compress. */
    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
