package io.triggerlab.console.inspector;

import io.triggerlab.engine.infra.cluster.StoredRecord;

import java.util.Optional;

/**
 * Where the inspector reads a delivered record back from Kafka, to show its bytes as stored (framing included, which
 * Lambda strips). Called off the FX thread; reads over the network.
 */
public interface RawRecordSource {

    /** @return the record at exactly this offset, or empty when Kafka no longer holds it (retention deleted it) */
    Optional<StoredRecord> record(String topic, int partition, long offset);
}
