package io.triggerlab.console.tags;

/** One tag of a trigger, as the table shows it. */
public record TagRow(String key, String value) {
}
