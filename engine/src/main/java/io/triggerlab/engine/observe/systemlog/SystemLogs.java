package io.triggerlab.engine.observe.systemlog;

import java.time.Duration;
import java.util.List;

/** Where the mappings' system log events are kept, and read back or followed. Safe from any thread. */
public interface SystemLogs {

    /** Keeps one event; returns it with its sequence number. */
    SystemLogEntry append(SystemLogEntry entry);

    /** The events the query selects, oldest first. */
    List<SystemLogEntry> read(SystemLogQuery query);

    /**
     * Like {@link #read}, but when nothing matches yet waits up to {@code wait} for a matching event (a follower's long
     * poll); returns empty when none came.
     */
    List<SystemLogEntry> await(SystemLogQuery query, Duration wait) throws InterruptedException;
}
