package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.runtime.report.PollerObserver;
import io.triggerlab.engine.runtime.batch.BatchAssembler;
import io.triggerlab.engine.runtime.filter.RecordFilter;
import io.triggerlab.engine.infra.schema.SchemaRegistryUnavailableException;
import io.triggerlab.engine.runtime.destination.FailureCondition;
import io.triggerlab.engine.runtime.failure.GivenUpRecords;
import io.triggerlab.engine.runtime.schema.SchemaRejection;
import io.triggerlab.engine.runtime.schema.SchemaStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where polled records go, in Lambda's order: through the schema registry stage when the mapping has one (a record
 * it rejects goes to the on-failure destination or is dropped, docs/aws-behaviour.md#schema-registry), then the
 * filters; records they let through wait in the assembler for their batch; the others are done at once and counted
 * ({@code FilteredOutEventCount}), their offsets committed with the next successful invocation
 * (docs/aws-behaviour.md#filtering). Owned by one poller thread.
 */
final class RecordIntake {

    private static final Logger log = LoggerFactory.getLogger(RecordIntake.class);

    private final RecordFilter filter;
    private final SchemaStage schema;
    private final GivenUpRecords givenUp;
    private final BatchAssembler assembler;
    private final PartitionProgress progress;
    private final PollerObserver observer;

    /**
     * @param schema  the schema registry stage, or {@code null}
     * @param givenUp where records the schema stage rejects go
     */
    RecordIntake(RecordFilter filter, SchemaStage schema, GivenUpRecords givenUp, BatchAssembler assembler,
                 PartitionProgress progress, PollerObserver observer) {
        this.filter = filter;
        this.schema = schema;
        this.givenUp = givenUp;
        this.assembler = assembler;
        this.progress = progress;
        this.observer = observer;
    }

    /**
     * @throws SchemaRegistryUnavailableException when the registry cannot be asked: the caller rewinds to the
     *                                            committed offsets, so no record is skipped
     */
    void accept(ConsumerRecords<byte[], byte[]> records, Instant now) {
        int filteredOut = 0;
        for (ConsumerRecord<byte[], byte[]> polled : records) {
            ConsumerRecord<byte[], byte[]> record = polled;
            if (schema != null) {
                SchemaStage.Outcome outcome = schema.apply(polled);
                if (outcome instanceof SchemaStage.Outcome.Rejection rejection) {
                    reject(rejection, now);
                    continue;
                }
                record = ((SchemaStage.Outcome.Delivery) outcome).record();
            }
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

    private void reject(SchemaStage.Outcome.Rejection rejection, Instant now) {
        ConsumerRecord<byte[], byte[]> record = rejection.record();
        log.info("Record {}-{} offset {} not delivered ({}): {}", record.topic(), record.partition(), record.offset(),
                rejection.reason(), rejection.detail());
        FailureCondition condition = rejection.reason() == SchemaRejection.SCHEMA_NOT_FOUND
                ? FailureCondition.SCHEMA_NOT_FOUND : FailureCondition.DESERIALIZATION_ERROR;
        givenUp.giveUp("schema-" + UUID.randomUUID(), 1, List.of(record), condition, 0, null, null, now);
        progress.done(record);
    }
}
