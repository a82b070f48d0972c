package io.triggerlab.bench;

/**
 * One engine configuration under test.
 *
 * @param id            the name in the table and in {@code variants=}
 * @param batchSize     the mapping's BatchSize
 * @param windowSeconds MaximumBatchingWindowInSeconds, or null for Kafka's 500 ms default
 * @param keepPayloads  whether the invocation history stores each event and response (the engine's default)
 */
record EngineVariant(String id, int batchSize, Integer windowSeconds, boolean keepPayloads) {

    String describe() {
        return "engine, BatchSize " + batchSize + ", window " + (windowSeconds == null ? "500 ms (default)" : windowSeconds + " s")
                + (keepPayloads ? "" : ", history without payloads");
    }
}
