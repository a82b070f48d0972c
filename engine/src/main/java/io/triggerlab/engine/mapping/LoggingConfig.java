package io.triggerlab.engine.mapping;

/** {@code LoggingConfig}: ESM system log level {@code DEBUG}, {@code INFO} or {@code WARN} (spec §5.8). */
public record LoggingConfig(String systemLogLevel) {
}
