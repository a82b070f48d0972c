package io.triggerlab.engine.infra.cluster;

import java.util.List;

/** Sends test records to the cluster in use, so a person can drive a trigger without another Kafka tool. */
public interface TestRecordProducer {

    /**
     * Sends the records in order and waits until the cluster has acknowledged every one (acks=all).
     *
     * @return where each record was stored, in the order given
     * @throws IllegalArgumentException    when the topic name is blank or a partition does not exist
     * @throws ClusterUnavailableException when the cluster does not take the records in time
     */
    List<SentRecord> send(String topic, List<TestRecord> records);
}
