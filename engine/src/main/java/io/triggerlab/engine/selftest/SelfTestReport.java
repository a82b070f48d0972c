package io.triggerlab.engine.selftest;

import java.time.Duration;
import java.util.Objects;

/**
 * What one passed self-test did.
 *
 * @param bootstrapServers   the embedded broker's address
 * @param functionName       the demo function registered
 * @param mappingUuid        the trigger (event source mapping) created
 * @param topic              the topic the record went to
 * @param partition          its partition
 * @param offset             the record's offset
 * @param response           the function's response JSON
 * @param invocationDuration how long the function invocation took
 * @param total              the whole self-test, engine start to stop
 */
public record SelfTestReport(String bootstrapServers, String functionName, String mappingUuid, String topic,
                             int partition, long offset, String response, Duration invocationDuration, Duration total) {

    public SelfTestReport {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(mappingUuid, "mappingUuid");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(invocationDuration, "invocationDuration");
        Objects.requireNonNull(total, "total");
    }
}
