package io.triggerlab.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Every figure of one benchmark run, per variant and round, in the order the table shows them. */
final class Results {

    private final Map<String, String> descriptions = new LinkedHashMap<>();
    private final Map<String, List<Throughput>> throughput = new LinkedHashMap<>();
    private final Map<String, List<Latency>> latency = new LinkedHashMap<>();
    private final Map<String, List<PayloadsKept>> payloadsKept = new LinkedHashMap<>();
    private final Map<String, List<Overhead>> overhead = new LinkedHashMap<>();

    void describe(String id, String description) {
        descriptions.put(id, description);
    }

    String description(String id) {
        return descriptions.getOrDefault(id, id);
    }

    void add(String id, Throughput t) {
        throughput.computeIfAbsent(id, k -> new ArrayList<>()).add(t);
    }

    void addPayloadsKept(String id, PayloadsKept kept) {
        payloadsKept.computeIfAbsent(id, k -> new ArrayList<>()).add(kept);
    }

    void add(String id, Overhead o) {
        overhead.computeIfAbsent(id, k -> new ArrayList<>()).add(o);
    }

    Map<String, List<Overhead>> overhead() {
        return overhead;
    }

    Map<String, List<PayloadsKept>> payloadsKept() {
        return payloadsKept;
    }

    void add(String id, Latency l) {
        latency.computeIfAbsent(id, k -> new ArrayList<>()).add(l);
    }

    Map<String, List<Throughput>> throughput() {
        return throughput;
    }

    Map<String, List<Latency>> latency() {
        return latency;
    }

    boolean has(String id) {
        return throughput.containsKey(id);
    }

    double medianRecordsPerSecond(String id) {
        return median(throughput.get(id), Throughput::recordsPerSecond);
    }

    /**
     * The median over rounds of {@code id}'s rate divided by {@code base}'s rate in the same round: both ran minutes
     * apart at most, so the ratio survives load from other work on the machine better than either number.
     */
    double ratio(String id, String base) {
        return median(ratios(id, base));
    }

    /** {@code id}'s rate over {@code base}'s, per round: their spread shows how far one round's ratio can be trusted. */
    double[] ratios(String id, String base) {
        List<Throughput> a = throughput.get(id);
        List<Throughput> b = throughput.get(base);
        int rounds = Math.min(a.size(), b.size());
        double[] ratios = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            ratios[i] = a.get(i).recordsPerSecond() / b.get(i).recordsPerSecond();
        }
        return ratios;
    }

    static <T> double median(List<T> values, ToDoubleFunction<T> f) {
        return median(values.stream().mapToDouble(f).toArray());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
