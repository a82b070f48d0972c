package io.triggerlab.engine.runtime.poll;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A behaviour for {@link InvokeApiFunction} that watches Lambda's ordering guarantee from the function's side: it
 * notes any moment two invocations hold records of the same partition at once, and the offsets of every call in the
 * order calls started. The test switches it between fast, slow (the function's own run time) and throttled.
 */
final class PartitionGuardFunction implements InvokeApiFunction.Behaviour {

    enum Mode { FAST, SLOW, THROTTLED }

    /** One call's records of one partition, in the order the call received them. */
    record Slice(int partition, List<Long> offsets) {
    }

    private final long slowMillis;
    private final Map<Integer, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Set<Integer> overlapping = ConcurrentHashMap.newKeySet();
    private final List<Slice> slices = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.SLOW;

    PartitionGuardFunction(long slowMillis) {
        this.slowMillis = slowMillis;
    }

    void mode(Mode newMode) {
        this.mode = newMode;
    }

    @Override
    public InvokeApiFunction.Response respond(int call, byte[] event) throws Exception {
        Mode now = mode;
        if (now == Mode.THROTTLED) {
            return InvokeApiFunction.Response.throttled();
        }
        List<InvokeApiFunction.Delivered> records = InvokeApiFunction.recordsOf(event);
        Map<Integer, List<Long>> byPartition = records.stream().collect(Collectors.groupingBy(
                InvokeApiFunction.Delivered::partition,
                Collectors.mapping(InvokeApiFunction.Delivered::offset, Collectors.toList())));
        byPartition.forEach((p, offsets) -> slices.add(new Slice(p, offsets)));
        byPartition.keySet().forEach(p -> {
            if (inFlight.computeIfAbsent(p, k -> new AtomicInteger()).incrementAndGet() > 1) {
                overlapping.add(p);
            }
        });
        try {
            if (now == Mode.SLOW) {
                Thread.sleep(slowMillis); // the function's own work, as its caller sees it
            }
        } finally {
            byPartition.keySet().forEach(p -> inFlight.get(p).decrementAndGet());
        }
        return InvokeApiFunction.Response.ok();
    }

    /** Partitions that were ever in two invocations at once (must stay empty). */
    Set<Integer> overlapping() {
        return Set.copyOf(overlapping);
    }

    /** Every partition's slices in the order the calls started. */
    Map<Integer, List<Slice>> slicesByPartition() {
        return slices.stream().collect(Collectors.groupingBy(Slice::partition));
    }
}
