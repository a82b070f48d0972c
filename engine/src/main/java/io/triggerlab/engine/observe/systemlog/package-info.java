/**
 * A trigger's system logs: what AWS's event poller writes for a Kafka mapping with a {@code LoggingConfig}
 * ({@code ESM_PROCESSING_EVENT}, {@code POLLER_STATUS_EVENT}, {@code KAFKA_STATUS_EVENT}, docs/aws-behaviour.md#esm-logging),
 * in AWS's JSON shape, kept per mapping in log streams named as AWS names them and read back by level.
 */
package io.triggerlab.engine.observe.systemlog;
