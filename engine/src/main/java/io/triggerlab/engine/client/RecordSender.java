package io.triggerlab.engine.client;

import io.triggerlab.engine.infra.cluster.SentRecord;
import io.triggerlab.engine.infra.cluster.TestRecord;

import java.util.List;

/** Sends test records to the cluster in use, so a person (or a test) can drive a trigger without another Kafka tool. */
@FunctionalInterface
public interface RecordSender {

    /**
     * Sends the records in order and waits until the cluster has acknowledged every one (acks=all).
     *
     * @return where each record was stored, in the order given
     * @throws IllegalArgumentException when the topic name is blank or a partition does not exist
     */
    List<SentRecord> send(String topic, List<TestRecord> records);
}
