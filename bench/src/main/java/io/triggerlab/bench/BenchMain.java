package io.triggerlab.bench;

import io.triggerlab.engine.infra.sandbox.BrokerSettings;
import io.triggerlab.engine.infra.sandbox.EmbeddedKafkaBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Issue 7's benchmark: starts the embedded broker, loads a topic, then runs every variant once per round, rotating the
 * order each round, and prints one table (and writes it as JSON). See bench/README.md for the command and options.
 */
public final class BenchMain {

    private static final String THROUGHPUT_TOPIC = "bench-throughput";
    private static final List<EngineVariant> THROUGHPUT_ENGINES = List.of(
            new EngineVariant(Report.ENGINE_MAIN, 10_000, 0, true, true),
            new EngineVariant("engine-10000-w500", 10_000, null, true, true),
            new EngineVariant("engine-100-w500", 100, null, true, true),
            new EngineVariant(Report.ENGINE_NO_PAYLOADS, 10_000, 0, false, true),
            new EngineVariant(Report.ENGINE_NO_METRICS, 10_000, 0, true, false),
            new EngineVariant(Report.ENGINE_BARE, 10_000, 0, false, false));
    private static final List<EngineVariant> LATENCY_ENGINES = List.of(
            new EngineVariant("latency-engine-w0", 100, 0, true, true),
            new EngineVariant("latency-engine-w500", 100, null, true, true));
    private static final String LATENCY_RAW = "latency-raw";

    private final BenchOptions options;
    private final Results results = new Results();

    private BenchMain(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Report report = run(options);
        System.out.println();
        System.out.print(report.table());
        System.out.println("JSON: " + options.json().toAbsolutePath());
        System.exit(0); // the broker's and clients' non-daemon threads are closed, but a stray one must not hang Maven
    }

    /** Runs every chosen variant for every round, writes the JSON and returns the report (the smoke test's entry). */
    static Report run(BenchOptions options) {
        return new BenchMain(options).runAll();
    }

    private Report runAll() {
        Machine machine = Machine.current();
        Path work = options.workDirectory().toAbsolutePath();
        deleteTree(work);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.inDirectory(work.resolve("broker")));
             HeapWatch heap = new HeapWatch()) {
            String bootstrap = broker.bootstrapServers();
            BenchTopics topics = new BenchTopics(bootstrap);
            broker.createTopic(THROUGHPUT_TOPIC, BenchTopics.PARTITIONS);
            long loadStart = System.nanoTime();
            topics.load(THROUGHPUT_TOPIC, options.records());
            progress("loaded %,d records in %.1f s", options.records(), (System.nanoTime() - loadStart) / 1e9);
            throughputRounds(bootstrap, heap, work);
            latencyRounds(broker, topics, work);
        } finally {
            deleteTree(work);
        }
        Report report = new Report(results, options, machine);
        report.writeJson(options.json());
        return report;
    }

    private void throughputRounds(String bootstrap, HeapWatch heap, Path work) {
        Duration max = Duration.ofSeconds(options.maxSeconds());
        RawThroughputRun baseline = new RawThroughputRun(bootstrap, THROUGHPUT_TOPIC, options.records(), max, heap);
        EngineThroughputRun engines = new EngineThroughputRun(bootstrap, THROUGHPUT_TOPIC, options.records(), max, heap);
        List<Runnable> variants = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        addIf(variants, ids, Report.RAW, "raw KafkaConsumer poll loop touching every value",
                () -> record(Report.RAW, baseline.raw()));
        addIf(variants, ids, Report.MINIMAL, "raw loop + Lambda event JSON per 10,000 records (Jackson streaming,"
                + " java.util.Base64, reused buffer), thrown away", () -> record(Report.MINIMAL, baseline.minimal()));
        for (EngineVariant v : THROUGHPUT_ENGINES) {
            addIf(variants, ids, v.id(), v.describe() + ", no-op in-process Java function",
                    () -> {
                        Path data = work.resolve("engine-" + v.id() + "-" + System.nanoTime());
                        record(v.id(), engines.run(v, data, facts -> {
                            if (v.keepPayloads()) {
                                results.addPayloadsKept(v.id(), facts.payloadsKept());
                                progress("  %s: payloads kept for %s invocations", v.id(), facts.payloadsKept());
                            }
                            results.add(v.id(), facts.overhead());
                            progress("  %s: engine overhead per invocation p50 %.3f ms, p99 %.3f ms (%d gaps, %d"
                                    + " poller(s))", v.id(), facts.overhead().p50Ms(), facts.overhead().p99Ms(),
                                    facts.overhead().samples(), facts.overhead().pollers());
                        }));
                        deleteTree(data); // the history of one run can reach its 256 MB retention
                    });
        }
        warmUp(baseline, engines, work);
        for (int round = 0; round < options.rounds(); round++) {
            for (int i = 0; i < variants.size(); i++) {
                int index = (i + round) % variants.size(); // rotate, so no variant always runs first or last
                progress("round %d/%d: %s", round + 1, options.rounds(), ids.get(index));
                variants.get(index).run();
            }
        }
        progress("checksum %d", baseline.checksum());
    }

    /**
     * The first run in a fresh JVM pays the JIT compiling the consumer, the event writer and the engine: the first
     * engine run read 155,000 records/s where the same variant read 300,000-340,000 in later rounds (bench/README.md).
     * One uncounted run of the minimal builder and of the default engine first, so no variant's round pays it.
     */
    private void warmUp(RawThroughputRun baseline, EngineThroughputRun engines, Path work) {
        progress("warm-up (not counted): %s, %s", Report.MINIMAL, Report.ENGINE_MAIN);
        baseline.minimal();
        Path data = work.resolve("engine-warm-up-" + System.nanoTime());
        engines.run(THROUGHPUT_ENGINES.get(0), data, facts -> { });
        deleteTree(data);
    }

    private void latencyRounds(EmbeddedKafkaBroker broker, BenchTopics topics, Path work) {
        LatencyRun latency = new LatencyRun(topics, broker.bootstrapServers(), options.rate(), options.latencySeconds());
        for (int round = 0; round < options.rounds(); round++) {
            if (options.runs(LATENCY_RAW)) {
                results.describe(LATENCY_RAW, "raw KafkaConsumer, produce -> poll returns");
                String topic = freshTopic(broker, LATENCY_RAW, round);
                progress("round %d/%d: %s", round + 1, options.rounds(), LATENCY_RAW);
                recordLatency(LATENCY_RAW, latency.raw(topic));
            }
            for (EngineVariant v : LATENCY_ENGINES) {
                if (options.runs(v.id())) {
                    results.describe(v.id(), v.describe() + ", produce -> function entry");
                    String topic = freshTopic(broker, v.id(), round);
                    progress("round %d/%d: %s", round + 1, options.rounds(), v.id());
                    Path data = work.resolve("engine-" + v.id() + "-" + round);
                    recordLatency(v.id(), latency.engine(topic, v, data));
                    deleteTree(data);
                }
            }
        }
    }

    private void addIf(List<Runnable> variants, List<String> ids, String id, String description, Runnable run) {
        if (options.runs(id)) {
            results.describe(id, description);
            variants.add(run);
            ids.add(id);
        }
    }

    private void record(String id, Throughput t) {
        results.add(id, t);
        progress("  %s: %,.0f records/s (%,d records in %.1f s%s), peak heap after GC %d MB", id, t.recordsPerSecond(),
                t.records(), t.nanos() / 1e9, t.complete() ? "" : ", stopped at maxSeconds", t.peakHeapAfterGcMb());
    }

    private void recordLatency(String id, Latency l) {
        results.add(id, l);
        progress("  %s: p50 %.2f ms, p99 %.2f ms, max %.1f ms (%d samples)", id, l.p50Ms(), l.p99Ms(), l.maxMs(), l.samples());
    }

    private static String freshTopic(EmbeddedKafkaBroker broker, String id, int round) {
        String topic = "bench-" + id + "-" + round;
        broker.createTopic(topic, BenchTopics.PARTITIONS);
        return topic;
    }

    private static void progress(String format, Object... args) {
        System.out.printf(java.util.Locale.ROOT, format + "%n", args);
        System.out.flush();
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the benchmark's work directory " + root, e);
        }
    }
}
