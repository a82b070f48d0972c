package io.triggerlab.engine.testing;

import java.util.UUID;

/** Topic names no other test on the shared broker uses, so tests never see each other's records. */
public final class TestTopics {

    private static final int MAX_PREFIX_LENGTH = 200;

    private TestTopics() {
    }

    /** e.g. {@code unique("orders")} → {@code orders-3f2a9c1e7b4d}. */
    public static String unique(String prefix) {
        if (prefix == null || !prefix.matches("[a-zA-Z0-9._-]{1," + MAX_PREFIX_LENGTH + "}")) {
            throw new IllegalArgumentException("Topic prefix '" + prefix + "' is not valid: use 1.." + MAX_PREFIX_LENGTH
                    + " of the characters Kafka allows in topic names (letters, digits, '.', '_', '-')");
        }
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A unique consumer group id, for the same reason. */
    public static String uniqueGroup(String prefix) {
        return unique(prefix);
    }
}
