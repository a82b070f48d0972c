package io.triggerlab.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The one table the benchmark prints, and the same figures as JSON. */
final class Report {

    static final String RAW = "raw";
    static final String MINIMAL = "minimal";
    static final String ENGINE_MAIN = "engine-10000-w0";
    static final String ENGINE_NO_PAYLOADS = "engine-10000-w0-nopayloads";
    static final String ENGINE_NO_METRICS = "engine-10000-w0-nometrics";
    static final String ENGINE_BARE = "engine-10000-w0-bare";
    /** What each extra costs: the default engine against the same engine without it. */
    private static final List<String[]> EXTRAS = List.of(
            new String[] {"history payloads", ENGINE_MAIN, ENGINE_NO_PAYLOADS},
            new String[] {"metrics sampling", ENGINE_MAIN, ENGINE_NO_METRICS},
            new String[] {"history payloads + metrics", ENGINE_MAIN, ENGINE_BARE});

    private final Results results;
    private final BenchOptions options;
    private final Machine machine;

    Report(Results results, BenchOptions options, Machine machine) {
        this.results = results;
        this.options = options;
        this.machine = machine;
    }

    Results results() {
        return results;
    }

    String table() {
        StringBuilder t = new StringBuilder();
        line(t, "TriggerLab benchmark, %s", machine.describe());
        line(t, "%,d records of 1 KB values (small key, two headers), %d partitions; %d rounds, variants alternating,"
                + " medians shown", options.records(), BenchTopics.PARTITIONS, options.rounds());
        line(t, "The machine is shared with other work: absolute numbers are noisy; the ratios (same round, then the"
                + " median) are what matter.");
        t.append('\n');
        throughputTable(t);
        t.append('\n');
        overheadTable(t);
        latencyTable(t);
        t.append('\n');
        extras(t);
        return t.toString();
    }

    private void throughputTable(StringBuilder t) {
        line(t, "%-28s %12s %8s %18s %18s %10s  %s", "throughput", "records/s", "MB/s", "x minimal [spread]",
                "x raw [spread]", "heap MB*", "rounds (records/s)");
        for (Map.Entry<String, List<Throughput>> e : results.throughput().entrySet()) {
            String id = e.getKey();
            List<Throughput> rounds = e.getValue();
            double rate = results.medianRecordsPerSecond(id);
            line(t, "%-28s %,12.0f %8.0f %18s %18s %10.0f  %s", id, rate,
                    Results.median(rounds, Throughput::valueMegabytesPerSecond),
                    results.has(MINIMAL) ? withSpread(results.ratios(id, MINIMAL)) : "-",
                    results.has(RAW) ? withSpread(results.ratios(id, RAW)) : "-",
                    Results.median(rounds, th -> th.peakHeapAfterGcMb()), roundsOf(rounds));
        }
        line(t, "* peak heap right after a GC during the run, broker and clients included (one JVM; 0 = no GC ran); "
                + "\"(part)\" = stopped at maxSeconds");
        for (String id : results.throughput().keySet()) {
            line(t, "  %-26s %s", id, results.description(id));
        }
    }

    /** The median of the per-round ratios, and their lowest and highest. */
    private static String withSpread(double[] ratios) {
        double[] sorted = ratios.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length < 2 ? fmt("%.2f", Results.median(ratios))
                : fmt("%.2f [%.2f-%.2f]", Results.median(ratios), sorted[0], sorted[sorted.length - 1]);
    }

    private void overheadTable(StringBuilder t) {
        if (results.overhead().isEmpty()) {
            return;
        }
        line(t, "%-28s %8s %8s %8s %8s   (end of one invocation -> start of the next, newest 1,000 invocations,"
                + " median of rounds)", "engine overhead/invocation", "p50 ms", "p99 ms", "gaps", "pollers");
        results.overhead().forEach((id, rounds) -> line(t, "%-28s %8.3f %8.3f %8d %8d", id,
                Results.median(rounds, Overhead::p50Ms), Results.median(rounds, Overhead::p99Ms),
                (long) Results.median(rounds, o -> o.samples()), (long) Results.median(rounds, o -> o.pollers())));
        t.append('\n');
    }

    private void latencyTable(StringBuilder t) {
        line(t, "%-28s %8s %8s %8s %8s   (%,d records/s; raw: produce -> poll, engine: produce -> function entry)",
                "latency", "p50 ms", "p99 ms", "max ms", "samples", options.rate());
        for (Map.Entry<String, List<Latency>> e : results.latency().entrySet()) {
            List<Latency> rounds = e.getValue();
            line(t, "%-28s %8.2f %8.2f %8.1f %8d", e.getKey(), Results.median(rounds, Latency::p50Ms),
                    Results.median(rounds, Latency::p99Ms), Results.median(rounds, Latency::maxMs),
                    (long) Results.median(rounds, l -> l.samples()));
        }
        for (String id : results.latency().keySet()) {
            line(t, "  %-26s %s", id, results.description(id));
        }
    }

    private void extras(StringBuilder t) {
        line(t, "cost of the extras (BatchSize 10000, window 0; default engine against the same without them,"
                + " same round, median):");
        for (String[] extra : EXTRAS) {
            if (results.has(extra[1]) && results.has(extra[2])) {
                double ratio = results.ratio(extra[1], extra[2]);
                line(t, "  %-28s x %.2f, i.e. %.0f %% (%s vs %s)", extra[0] + ":", ratio, (1 - ratio) * 100,
                        extra[1], extra[2]);
            } else {
                line(t, "  %-28s run %s and %s to measure it", extra[0] + ":", extra[1], extra[2]);
            }
        }
        results.payloadsKept().forEach((id, rounds) -> line(t, "  payloads kept by %s: %s invocations (per round;"
                + " the others are in the history without their payload, saying why)", id, rounds));
    }

    void writeJson(Path file) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("machine", machine);
        root.put("options", Map.of("records", options.records(), "rounds", options.rounds(),
                "maxSeconds", options.maxSeconds(), "latencySeconds", options.latencySeconds(), "rate", options.rate()));
        Map<String, Object> throughput = new LinkedHashMap<>();
        results.throughput().forEach((id, rounds) -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("description", results.description(id));
            v.put("medianRecordsPerSecond", results.medianRecordsPerSecond(id));
            v.put("medianValueMBPerSecond", Results.median(rounds, Throughput::valueMegabytesPerSecond));
            if (results.has(MINIMAL)) {
                v.put("ratioToMinimal", results.ratio(id, MINIMAL));
            }
            if (results.has(RAW)) {
                v.put("ratioToRaw", results.ratio(id, RAW));
            }
            v.put("rounds", rounds);
            if (results.overhead().containsKey(id)) {
                v.put("overheadPerInvocation", results.overhead().get(id));
            }
            throughput.put(id, v);
        });
        root.put("throughput", throughput);
        Map<String, Object> latency = new LinkedHashMap<>();
        results.latency().forEach((id, rounds) -> latency.put(id, Map.of("description", results.description(id),
                "medianP50Ms", Results.median(rounds, Latency::p50Ms), "medianP99Ms", Results.median(rounds, Latency::p99Ms),
                "medianMaxMs", Results.median(rounds, Latency::maxMs), "rounds", rounds)));
        root.put("latency", latency);
        Map<String, Object> extras = new LinkedHashMap<>();
        for (String[] extra : EXTRAS) {
            if (results.has(extra[1]) && results.has(extra[2])) {
                extras.put(extra[0] + " ratio (" + extra[1] + " / " + extra[2] + ")", results.ratio(extra[1], extra[2]));
            }
        }
        extras.put("payloadsKept", results.payloadsKept());
        root.put("extras", extras);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the benchmark results to " + file, e);
        }
    }

    private static String roundsOf(List<Throughput> rounds) {
        List<String> each = new ArrayList<>();
        for (Throughput r : rounds) {
            each.add(fmt("%,.0f", r.recordsPerSecond()) + (r.complete() ? "" : " (part)"));
        }
        return String.join(", ", each);
    }

    private static void line(StringBuilder t, String format, Object... args) {
        t.append(fmt(format, args)).append('\n');
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
