package io.triggerlab.console.systemlogs;

import io.triggerlab.engine.observe.systemlog.SystemLogEntry;
import io.triggerlab.engine.observe.systemlog.SystemLogQuery;

import java.util.List;

/** Reads a trigger's system log events (the engine client's query). Blocks; the ViewModel calls it in the background. */
@FunctionalInterface
public interface SystemLogSource {

    List<SystemLogEntry> read(SystemLogQuery query);
}
