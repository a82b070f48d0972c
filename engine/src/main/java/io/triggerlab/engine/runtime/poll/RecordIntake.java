package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.runtime.report.PollerObserver;
import io.triggerlab.engine.runtime.batch.BatchAssembler;
import io.triggerlab.engine.runtime.filter.RecordFilter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import java.time.Instant;

/**
 * Where polled records go: those the mapping's filters let through wait in the assembler for their batch; the others
 * are done at once and counted ({@code FilteredOutEventCount}), their offsets committed with the next successful
 * invocation (docs/aws-behaviour.md#filtering). Owned by one poller thread.
 */
final class RecordIntake {

    private final RecordFilter filter;
    private final BatchAssembler assembler;
    private final PartitionProgress progress;
    private final PollerObserver observer;

    RecordIntake(RecordFilter filter, BatchAssembler assembler, PartitionProgress progress, PollerObserver observer) {
        this.filter = filter;
        this.assembler = assembler;
        this.progress = progress;
        this.observer = observer;
    }

    void accept(ConsumerRecords<byte[], byte[]> records, Instant now) {
        int filteredOut = 0;
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (filter.accepts(record)) {
                assembler.add(record, now);
                progress.pending(record);
            } else {
                progress.done(record);
                filteredOut++;
            }
        }
        if (filteredOut > 0) {
            observer.filteredOut(filteredOut);
        }
    }
}
