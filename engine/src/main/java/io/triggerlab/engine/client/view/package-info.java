/**
 * Read models a client of the engine receives that the engine has no record of its own for. The rest of what a
 * client reads are the engine's own immutable records, named here so a client knows them as its read models:
 * <ul>
 *   <li>mapping view: {@code controlplane.mapping.EventSourceMapping} (commands take
 *       {@code CreateEventSourceMappingRequest} / {@code UpdateEventSourceMappingRequest});</li>
 *   <li>invocation summary and detail: {@code observe.history.InvocationSummary} and {@code InvocationRecord};</li>
 *   <li>metrics: {@code observe.metrics.MetricsSnapshot}, {@code MetricSeries}, {@code ScalingDecision};</li>
 *   <li>cluster, function and secret views: {@code infra.cluster.KafkaCluster}, {@code TopicInfo},
 *       {@code invoke.function.FunctionDefinition}, {@code infra.secrets.SecretMetadata}.</li>
 * </ul>
 * They are not copied into this package on purpose: a second record of a mapping's 28 members would be one more
 * place each AWS field is written (issue 18.4 wants one). What a client may not hold is a service: those stay behind
 * {@link io.triggerlab.engine.client.EngineClient} (the console's architecture test checks it).
 */
package io.triggerlab.engine.client.view;
