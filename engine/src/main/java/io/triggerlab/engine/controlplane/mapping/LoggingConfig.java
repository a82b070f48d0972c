package io.triggerlab.engine.controlplane.mapping;

/** {@code LoggingConfig}: ESM system log level {@code DEBUG}, {@code INFO} or {@code WARN} (docs/aws-behaviour.md#esm-logging). */
public record LoggingConfig(String systemLogLevel) {
}
