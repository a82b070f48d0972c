package io.triggerlab.engine.controlplane.mapping;

/** {@code LoggingConfig}: ESM system log level {@code DEBUG}, {@code INFO} or {@code WARN} (spec §5.8). */
public record LoggingConfig(String systemLogLevel) {
}
