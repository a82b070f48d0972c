package io.triggerlab.console.destinations;

import io.triggerlab.engine.runtime.destination.FailureCondition;
import io.triggerlab.engine.observe.history.InvocationSummary;
import io.triggerlab.engine.observe.history.PartitionRange;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One on-failure delivery: a history row with outcome {@code SENT_TO_DESTINATION} (payload = the failure record(s))
 * or {@code DESTINATION_FAILED} (the reason it could not be written).
 *
 * @param destination {@code kafka://topic} or the SQS/SNS/S3 ARN, as the engine's note names it (else the mapping's)
 * @param condition   AWS's {@code requestContext.condition}, e.g. {@code RetryAttemptsExhausted}; "" when unknown
 * @param records     how many source records were given up
 * @param partitions  "orders-0 offsets 5–9"
 */
public record OutboxRow(long id, String time, String destination, String condition, int records, String partitions,
                        OutboxDelivery delivery, String note) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern TARGET = Pattern.compile("kafka://[^\\s(]+|arn:aws[\\w-]*:(?:sqs|sns|s3):\\S+");

    /** The row for a history entry; {@code configured} is the mapping's current destination, used when the note names none. */
    static OutboxRow of(InvocationSummary s, ZoneId zone, String configured) {
        String note = s.errorMessage() == null ? "" : s.errorMessage();
        return new OutboxRow(s.id(), TIME.format(s.startedAt().atZone(zone)), target(note, configured),
                condition(note), s.recordCount(), partitions(s), OutboxDelivery.of(s.outcome(), note), note);
    }

    static String target(String note, String configured) {
        Matcher m = TARGET.matcher(note);
        if (m.find()) {
            // The outbox note reads "… for arn:aws:sqs:…:queue: TriggerLab does not …": drop the sentence's colon.
            String found = m.group();
            return found.endsWith(":") ? found.substring(0, found.length() - 1) : found;
        }
        return configured == null ? "" : configured;
    }

    /** The condition word the note carries: every destination names it (AWS's word, or the Kafka example's). */
    static String condition(String note) {
        for (FailureCondition c : FailureCondition.values()) {
            if (note.contains(c.awsName())) {
                return c.awsName();
            }
            if (note.contains(c.kafkaName())) {
                return c.kafkaName();
            }
        }
        return "";
    }

    private static String partitions(InvocationSummary s) {
        return s.partitions().stream().map(OutboxRow::range).collect(Collectors.joining(", "));
    }

    private static String range(PartitionRange r) {
        return r.topicPartition() + (r.firstOffset() == r.lastOffset() ? " offset " + r.firstOffset()
                : " offsets " + r.firstOffset() + "–" + r.lastOffset());
    }
}
