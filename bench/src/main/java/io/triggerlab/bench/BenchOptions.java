package io.triggerlab.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one benchmark run does, from {@code name=value} arguments (all optional).
 *
 * @param records         records loaded into the throughput topic (1 KB values); each throughput variant reads them all
 * @param rounds          rounds of every variant; the table gives the median per variant
 * @param maxSeconds      a throughput variant that has not read every record by then is measured on what it did read
 * @param latencySeconds  measured seconds of each latency variant (after {@link #LATENCY_WARMUP_SECONDS} of warm-up)
 * @param rate            records per second the latency producer sends
 * @param variants        the variants to run (names as in the table); empty = all
 * @param json            where the figures are written as JSON
 * @param workDirectory   broker log and engine data directories (deleted at the end)
 */
public record BenchOptions(int records, int rounds, int maxSeconds, int latencySeconds, int rate, Set<String> variants,
                           Path json, Path workDirectory) {

    public static final int LATENCY_WARMUP_SECONDS = 2;

    private static final List<String> KEYS = List.of("records", "rounds", "maxSeconds", "latencySeconds", "rate",
            "variants", "json", "workDir");

    public BenchOptions {
        requireAtLeast("records", records, 1000);
        requireAtLeast("rounds", rounds, 1);
        requireAtLeast("maxSeconds", maxSeconds, 1);
        requireAtLeast("latencySeconds", latencySeconds, 1);
        requireAtLeast("rate", rate, 1);
        variants = Set.copyOf(variants);
    }

    /** Parses {@code records=5000000 rounds=3 ...}; an unknown name or a bad number is an error that says which. */
    public static BenchOptions parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String key = eq < 0 ? arg : arg.substring(0, eq);
            if (eq < 0 || !KEYS.contains(key)) {
                throw new IllegalArgumentException("Benchmark argument '" + arg + "' is not understood: use name=value"
                        + " with a name from " + KEYS);
            }
            given.put(key, arg.substring(eq + 1));
        }
        String variantList = given.getOrDefault("variants", "");
        return new BenchOptions(
                number(given, "records", 5_000_000),
                number(given, "rounds", 3),
                number(given, "maxSeconds", 600),
                number(given, "latencySeconds", 10),
                number(given, "rate", 1000),
                variantList.isBlank() ? Set.of() : Set.of(variantList.split(",")),
                Path.of(given.getOrDefault("json", "target/bench-results.json")),
                Path.of(given.getOrDefault("workDir", "target/bench-work")));
    }

    /** True when {@code variant} is to run. */
    public boolean runs(String variant) {
        return variants.isEmpty() || variants.contains(variant);
    }

    private static int number(Map<String, String> given, String key, int fallback) {
        String text = given.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Benchmark argument " + key + "=" + text + " is not a whole number");
        }
    }

    private static void requireAtLeast(String key, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException("Benchmark argument " + key + "=" + value + " is out of range: must be >= " + min);
        }
    }
}
