package io.triggerlab.console.systemlogs;

/**
 * One system log event as the table shows it.
 *
 * @param time      when it happened, in the console's zone, to the millisecond
 * @param level     {@code WARN}, {@code INFO} or {@code DEBUG}
 * @param eventType {@code ESM_PROCESSING_EVENT}, {@code POLLER_STATUS_EVENT} or {@code KAFKA_STATUS_EVENT}
 * @param summary   the event's content in a line
 * @param stream    AWS's log stream name
 * @param json      the event's JSON line as AWS's poller writes it
 */
public record SystemLogRow(String time, String level, String eventType, String summary, String stream, String json) {
}
