package io.triggerlab.engine.observe.metrics;

/** Whether a sample's lag was read, and if not, why: a topic still being created is not a broker that failed. */
public enum LagStatus {
    /** The lag metrics were read from the broker. */
    READ,
    /**
     * The broker does not list the topic yet, or its partitions have no leader yet: it is being created (by the
     * producer's auto-creation, the console or an admin), and the lag is known once it is.
     */
    TOPIC_NOT_READY,
    /** The broker could not be read: unreachable, authentication failed, timed out. */
    UNREADABLE
}
