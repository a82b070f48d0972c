package io.triggerlab.engine.runtime.poll;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * The size of what a poll read, as AWS's {@code EventPollerThroughputInBytes} ("the total record size of event pollers
 * polled from the event source") counts it. TriggerLab's reading (docs/aws-reading.md): a record's size is its key and
 * value bytes as stored in the topic; headers and Kafka's framing are not counted; a null key or value counts 0.
 */
final class PolledBytes {

    private PolledBytes() {
    }

    static long of(ConsumerRecords<byte[], byte[]> records) {
        long bytes = 0;
        for (ConsumerRecord<byte[], byte[]> r : records) {
            bytes += Math.max(0, r.serializedKeySize()) + (long) Math.max(0, r.serializedValueSize());
        }
        return bytes;
    }
}
