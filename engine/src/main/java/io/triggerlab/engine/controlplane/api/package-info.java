/**
 * The engine's local HTTP API ({@link io.triggerlab.engine.controlplane.api.LambdaApiServer}, JDK built-in server, 127.0.0.1 by
 * default).
 *
 * <h2>Lambda's event source mapping API (AWS rest-json, docs/aws-behaviour.md#api-operations)</h2>
 * {@code POST /2015-03-31/event-source-mappings[/]} (202), {@code GET /2015-03-31/event-source-mappings[/]?EventSourceArn=
 * &FunctionName=&Marker=&MaxItems=} (200, at most 100 per page), {@code GET|PUT|DELETE
 * /2015-03-31/event-source-mappings/{UUID}} (200/202/202). Point any AWS tool at it with an endpoint override, e.g.
 * {@code aws lambda list-event-source-mappings --endpoint-url http://127.0.0.1:<port>}.
 *
 * <p>Decisions (AWS leaves them open, or we are more specific than AWS):
 * <ul>
 *   <li>Signatures are accepted and not checked; any credentials work.</li>
 *   <li>Unknown body members are ignored, as AWS's rest-json services do (logged at INFO to catch typos).</li>
 *   <li>A body that is not JSON, or a member of the wrong JSON type ({@code "BatchSize":"ten"}), is 400
 *       {@code SerializationException} naming the member path; value rules are the validator's
 *       {@code InvalidParameterValueException}s. An explicit JSON {@code null} is an absent member.</li>
 *   <li>Empty body on POST/PUT: 400 {@code SerializationException}. Non-JSON {@code Content-Type}: 415
 *       {@code UnsupportedMediaTypeException} (no Content-Type is accepted). Body over 1 MiB: 413
 *       {@code RequestTooLargeException}. Wrong method: 405 {@code MethodNotAllowedException} with {@code Allow}.
 *       Unknown path: 404 {@code UnknownOperationException}. Anything after the collection path that is not a known
 *       UUID (extra segments, {@code ..}, garbage): 404 {@code ResourceNotFoundException}.</li>
 *   <li>{@code StartingPositionTimestamp} is read as epoch seconds (what the SDKs and CLI send; the AWS CLI turns
 *       {@code --starting-position-timestamp 2026-02-01T08:30:00Z} into {@code 1769934600}), and leniently as an
 *       ISO-8601 string. Response timestamps are epoch seconds with a millisecond fraction.</li>
 *   <li>Response members: see {@link io.triggerlab.engine.controlplane.api.MappingResponseWriter} (ConsumerGroupId echoed as the
 *       UUID when defaulted; the 500 ms batching window omitted; Tags never returned).</li>
 * </ul>
 *
 * <h2>TriggerLab's extension API</h2>
 * Under {@code /triggerlab/v1/}, camelCase JSON, the same error form: functions, clusters, history (see
 * {@link io.triggerlab.engine.controlplane.api.ExtensionRoutes}).
 */
package io.triggerlab.engine.controlplane.api;
