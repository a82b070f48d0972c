package io.triggerlab.console.producer;

import io.triggerlab.engine.infra.cluster.SentRecord;
import io.triggerlab.engine.infra.cluster.TestRecord;
import io.triggerlab.engine.client.RecordSender;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Sends records in chunks, at a rate or as fast as the cluster takes them, until done or stopped. The i-th record is
 * due {@code i / rate} seconds after the start; each chunk waits for its first record's due time, so the average rate
 * holds even when one send is slow. Runs on the caller's thread (the producer's own thread, never the FX thread).
 */
final class PacedSend {

    /** Records per send when there is no rate: big enough to be quick, small enough to show progress and stop. */
    static final int UNPACED_CHUNK = 500;
    /** With a rate, about this many sends per second, so pacing is smooth without a round trip per record. */
    static final int CHUNKS_PER_SECOND = 10;

    private final RecordSender producer;
    private final Pacer pacer;

    PacedSend(RecordSender producer, Pacer pacer) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
    }

    /**
     * @param ratePerSecond records per second, or null for as fast as possible
     * @param progress      called after each chunk with how many records are sent so far
     * @return where each sent record went, in order; fewer than given when stopped
     */
    List<SentRecord> run(String topic, List<TestRecord> records, Integer ratePerSecond, BooleanSupplier stopped,
                         IntConsumer progress) {
        int chunk = ratePerSecond == null ? UNPACED_CHUNK : Math.max(1, ratePerSecond / CHUNKS_PER_SECOND);
        long start = pacer.nanoTime();
        List<SentRecord> sent = new ArrayList<>(records.size());
        for (int from = 0; from < records.size() && !stopped.getAsBoolean(); from += chunk) {
            if (ratePerSecond != null && from > 0) {
                pacer.awaitUntil(start + from * 1_000_000_000L / ratePerSecond, stopped);
                if (stopped.getAsBoolean()) {
                    break;
                }
            }
            sent.addAll(producer.send(topic, records.subList(from, Math.min(records.size(), from + chunk))));
            progress.accept(sent.size());
        }
        return sent;
    }
}
