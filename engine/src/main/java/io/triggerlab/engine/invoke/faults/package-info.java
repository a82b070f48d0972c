/**
 * Fault injection for learning: per function, the next N invocations fail, are throttled or time out, so retries,
 * bisect, partial failures and on-failure destinations can be watched. State is in memory only.
 */
package io.triggerlab.engine.invoke.faults;
