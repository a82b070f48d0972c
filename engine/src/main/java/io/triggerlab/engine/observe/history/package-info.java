/**
 * Invocation history: every batch the poller sent to a function (every attempt), kept complete — the exact event
 * JSON, the response or error, the function's logs — for the console's table and inspector, the CLI and the HTTP API.
 *
 * <p>The poller calls {@link io.triggerlab.engine.observe.history.InvocationHistory#append} after each attempt; readers page
 * newest-first with {@link io.triggerlab.engine.observe.history.HistoryQuery} (keyset paging on the id) and load one
 * invocation's bodies with {@code get}. {@link io.triggerlab.engine.observe.history.JdbcInvocationHistory} keeps table rows
 * ({@code invocation}) apart from bodies ({@code invocation_body}, gzip above 4 KB), and keeps the history within a
 * {@link io.triggerlab.engine.observe.history.HistoryRetention} by removing the oldest invocations in batches.
 */
package io.triggerlab.engine.observe.history;
