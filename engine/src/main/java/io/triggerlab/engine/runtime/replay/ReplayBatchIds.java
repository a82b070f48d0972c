package io.triggerlab.engine.runtime.replay;

import io.triggerlab.engine.observe.history.InvocationSummary;

import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the history tells a replay from a delivery without a column of its own: a replay is a batch of one attempt whose
 * batch id names the invocation it replays, {@code replay-of-42-1f0c9a7e}. Pollers' batch ids are UUIDs, so the two
 * never meet; the random suffix keeps two replays of the same invocation apart. A record sent from the topic browser
 * as a test event is a batch of one attempt too, {@code test-event-1f0c9a7e}.
 */
public final class ReplayBatchIds {

    private static final String PREFIX = "replay-of-";
    private static final String TEST_EVENT_PREFIX = "test-event-";
    private static final Pattern TEST_EVENT = Pattern.compile("^" + TEST_EVENT_PREFIX + "[0-9a-f]{8}$");
    private static final Pattern REPLAY = Pattern.compile("^" + PREFIX + "(\\d{1,19})-[0-9a-f]{8}$");

    private ReplayBatchIds() {
    }

    /** A fresh batch id for a replay of invocation {@code originalId}. */
    public static String newBatchId(long originalId) {
        if (originalId < 1) {
            throw new IllegalArgumentException("Invocation id " + originalId + " is not a stored invocation's id");
        }
        return PREFIX + originalId + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A fresh batch id for a record sent to a function from the topic browser (a TriggerLab extra). */
    public static String newTestEventBatchId() {
        return TEST_EVENT_PREFIX + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Whether this row is a record sent as a test event rather than a delivery or a replay. */
    public static boolean isTestEvent(InvocationSummary invocation) {
        return invocation.batchId() != null && TEST_EVENT.matcher(invocation.batchId()).matches();
    }

    /** The id of the invocation this batch replays, or empty for a batch the pollers delivered. */
    public static OptionalLong replayOf(String batchId) {
        if (batchId == null) {
            return OptionalLong.empty();
        }
        Matcher m = REPLAY.matcher(batchId);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(m.group(1)));
        } catch (NumberFormatException tooLarge) {
            return OptionalLong.empty();
        }
    }

    /** The id of the invocation this row replays, or empty for a delivery. */
    public static OptionalLong replayOf(InvocationSummary invocation) {
        return replayOf(invocation.batchId());
    }
}
