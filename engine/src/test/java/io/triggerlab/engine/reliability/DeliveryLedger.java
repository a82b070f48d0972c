package io.triggerlab.engine.reliability;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fault suite's book of every record: what the producer had acknowledged by the broker, and what the function
 * accepted (a successful invocation), per partition. Jepsen-style, it keeps the facts and computes the verdicts:
 * lost, first deliveries out of order, duplicates, values that differ from what was produced.
 *
 * <p>A record counts as delivered when the function answers its invocation with success; records of failed, throttled
 * or timed-out invocations are not delivered (the engine must retry them). Thread-safe: the function's HTTP threads,
 * the producer and the commit sampler use it at once.
 */
final class DeliveryLedger {

    private final int partitions;
    private final Map<Long, String> produced = new ConcurrentHashMap<>();
    private final BitSet[] delivered;
    private final long[] highestFirstDelivery;
    private long firstDeliveries;
    private long duplicates;
    private long outOfOrder;
    private long wrongValues;
    private final List<String> examples = new ArrayList<>();
    private final List<String> duplicateRuns = new ArrayList<>();

    DeliveryLedger(int partitions) {
        this.partitions = partitions;
        this.delivered = new BitSet[partitions];
        this.highestFirstDelivery = new long[partitions];
        for (int p = 0; p < partitions; p++) {
            delivered[p] = new BitSet();
            highestFirstDelivery[p] = -1;
        }
    }

    private static long key(int partition, long offset) {
        return ((long) partition << 40) | offset;
    }

    /** The broker acknowledged a record at this position. */
    void produced(int partition, long offset, String value) {
        produced.put(key(partition, offset), value);
    }

    long producedCount() {
        return produced.size();
    }

    /** The records of one invocation that the function answered with success, in the event's order. */
    synchronized void accepted(List<Delivery> records) {
        long[] runStart = new long[partitions];
        long[] runEnd = new long[partitions];
        java.util.Arrays.fill(runStart, -1);
        for (Delivery d : records) {
            BitSet seen = delivered[d.partition()];
            int offset = Math.toIntExact(d.offset());
            if (seen.get(offset)) {
                duplicates++;
                runStart[d.partition()] = runStart[d.partition()] < 0 ? d.offset() : runStart[d.partition()];
                runEnd[d.partition()] = d.offset();
                continue;
            }
            seen.set(offset);
            firstDeliveries++;
            if (d.offset() < highestFirstDelivery[d.partition()]) {
                outOfOrder++;
                example("out of order: partition " + d.partition() + " offset " + d.offset() + " first delivered after "
                        + highestFirstDelivery[d.partition()]);
            }
            highestFirstDelivery[d.partition()] = Math.max(highestFirstDelivery[d.partition()], d.offset());
            String expected = produced.get(key(d.partition(), d.offset()));
            if (expected != null && !expected.equals(d.value())) {
                wrongValues++;
                example("wrong value at " + d.partition() + ":" + d.offset() + ": '" + d.value() + "', produced '"
                        + expected + "'");
            }
        }
        for (int p = 0; p < partitions; p++) {
            if (runStart[p] >= 0) {
                duplicateRuns.add("partition " + p + " offsets " + runStart[p] + ".." + runEnd[p]);
            }
        }
    }

    /** Per invocation that repeated records: which partition and offsets it delivered again, in arrival order. */
    synchronized List<String> duplicateRuns() {
        return List.copyOf(duplicateRuns);
    }

    private void example(String line) {
        if (examples.size() < 10) {
            examples.add(line);
        }
    }

    /** The first offset of the partition not yet delivered: every record below it was delivered at least once. */
    synchronized long deliveredPrefix(int partition) {
        return delivered[partition].nextClearBit(0);
    }

    /** Produced records never delivered. */
    synchronized long lost() {
        long lost = 0;
        for (long k : produced.keySet()) {
            int p = (int) (k >>> 40);
            int offset = (int) (k & ((1L << 40) - 1));
            if (!delivered[p].get(offset)) {
                lost++;
            }
        }
        return lost;
    }

    synchronized Counts counts() {
        return new Counts(produced.size(), firstDeliveries, duplicates, outOfOrder, wrongValues);
    }

    synchronized List<String> examples() {
        return List.copyOf(examples);
    }

    int partitions() {
        return partitions;
    }

    /** One record as the function received it. */
    record Delivery(int partition, long offset, String value) {
    }

    /** Totals at one moment; subtract two to get a phase's share. */
    record Counts(long produced, long firstDeliveries, long duplicates, long outOfOrder, long wrongValues) {
        Counts minus(Counts earlier) {
            return new Counts(produced - earlier.produced, firstDeliveries - earlier.firstDeliveries,
                    duplicates - earlier.duplicates, outOfOrder - earlier.outOfOrder, wrongValues - earlier.wrongValues);
        }
    }
}
