package io.triggerlab.bench;

/** What an engine run leaves behind besides its rate: payloads kept in the history, and its overhead per invocation. */
record EngineRunFacts(PayloadsKept payloadsKept, Overhead overhead) {
}
