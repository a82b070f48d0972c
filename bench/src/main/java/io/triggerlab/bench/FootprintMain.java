package io.triggerlab.bench;

import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the headless engine's memory as a desktop sees it: {@code serve} with the embedded broker, started as its own
 * process with the given JVM flags, its resident set size (Linux {@code /proc/<pid>/status}) after it idled, then after a
 * burst of small records through one trigger at the defaults (BatchSize 100, 500 ms window) to a no-op HTTP function.
 * A measuring command, not a test: it prints figures and judges none.
 *
 * <p>{@code target=console} measures the desktop console instead (the JavaFX application with its engine), started with
 * {@code io.triggerlab.console.Launcher} on the class path in {@code -Dfootprint.console.classpath}; it needs a display
 * ({@code bench/console-footprint.sh} starts a virtual one). The burst goes through the console's engine API.
 *
 * <p>{@code ./mvnw -B -Pfootprint -pl bench -am -DskipTests verify [-Dfootprint.args="records=600000 idleSeconds=20"]
 * [-Dfootprint.jvm="-Xmx256m ..."]}
 */
public final class FootprintMain {

    private static final Pattern API = Pattern.compile("Lambda API: (http://\\S+)");
    private static final Pattern KAFKA = Pattern.compile("Kafka bootstrap servers: (\\S+)");
    /** The console prints no banner; its engine logs one line when it started. */
    private static final Pattern CONSOLE_API = Pattern.compile("Engine started: .*Lambda API at (http://[^,\\s]+)");
    private static final Pattern CONSOLE_KAFKA = Pattern.compile("Engine started: Kafka at ([^,\\s(]+)");
    private static final Pattern UUID = Pattern.compile("\"UUID\"\\s*:\\s*\"([^\"]+)\"");
    private static final String TOPIC = "footprint-burst";
    private static final String GROUP = "footprint";

    private FootprintMain() {
    }

    public static void main(String[] args) throws Exception {
        int records = intArg(args, "records", 600_000);
        int idleSeconds = intArg(args, "idleSeconds", 20);
        boolean console = Arrays.asList(args).contains("target=console");
        List<String> jvm = Arrays.stream(System.getProperty("footprint.jvm", "").trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).toList();
        Path work = Files.createTempDirectory("triggerlab-footprint");
        Path log = work.resolve("serve.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvm);
        if (console) {
            command.addAll(List.of("-cp", System.getProperty("footprint.console.classpath"),
                    "io.triggerlab.console.Launcher", "--data-dir", work.resolve("data").toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.triggerlab.engine.cli.TriggerLabCli",
                    "serve", "--data-dir", work.resolve("data").toString(), "--api-port", "0"));
        }
        String what = console ? "console" : "serve";
        Process serve = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpServer function = noopFunction();
        try {
            URI api = URI.create(awaitLine(log, console ? CONSOLE_API : API, serve) + "/");
            String bootstrap = awaitLine(log, console ? CONSOLE_KAFKA : KAFKA, serve);
            System.out.printf("%s started (pid %d, JVM flags %s); idling %d s%n", what, serve.pid(),
                    jvm.isEmpty() ? "(none: the JVM's defaults)" : String.join(" ", jvm), idleSeconds);
            TimeUnit.SECONDS.sleep(idleSeconds);
            long idle = rssMb(serve.pid());
            System.out.printf("idle RSS: %d MB%n", idle);

            produce(bootstrap, records);
            call(api, "/triggerlab/v1/functions", "{\"name\":\"noop\",\"timeoutSeconds\":30,\"target\":{\"kind\":"
                    + "\"lambda\",\"functionName\":\"noop\",\"endpoint\":\"http://127.0.0.1:"
                    + function.getAddress().getPort() + "\",\"region\":\"us-east-1\"}}");
            String mapping = call(api, "/2015-03-31/event-source-mappings/", "{\"FunctionName\":\"noop\",\"Topics\":[\""
                    + TOPIC + "\"],\"StartingPosition\":\"TRIM_HORIZON\",\"BatchSize\":100,"
                    + "\"SelfManagedEventSource\":{\"Endpoints\":{\"KAFKA_BOOTSTRAP_SERVERS\":[\"" + bootstrap + "\"]}},"
                    + "\"SelfManagedKafkaEventSourceConfig\":{\"ConsumerGroupId\":\"" + GROUP + "\"}}");
            Matcher uuid = UUID.matcher(mapping);
            System.out.printf("burst: %,d records of 100 bytes through mapping %s (BatchSize 100, default window)%n",
                    records, uuid.find() ? uuid.group(1) : "?");
            long started = System.nanoTime();
            long peak = idle;
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                while (committed(admin) < records && System.nanoTime() - started < TimeUnit.MINUTES.toNanos(10)) {
                    TimeUnit.MILLISECONDS.sleep(500);
                    peak = Math.max(peak, rssMb(serve.pid()));
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("delivered %,d records in %.1f s (%,.0f records/s, mapping created to last commit)%n",
                        committed(admin), seconds, committed(admin) / seconds);
            }
            System.out.printf("RSS after the burst: %d MB (peak during it %d MB)%n", rssMb(serve.pid()), peak);
            TimeUnit.SECONDS.sleep(idleSeconds);
            System.out.printf("RSS %d s after the burst: %d MB; %s%n", idleSeconds, rssMb(serve.pid()),
                    liveHeapAfterFullGc(serve.pid()));
            if (jvm.stream().anyMatch(f -> f.startsWith("-XX:NativeMemoryTracking="))) {
                System.out.println(nativeMemory(serve.pid()));
            }
        } finally {
            function.stop(0);
            serve.destroy();
            if (!serve.waitFor(60, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
            System.out.println(what + " log: " + log);
        }
    }

    /** A Lambda Invoke endpoint that answers every call with {@code null}, at once. */
    private static HttpServer noopFunction() throws IOException {
        // Without TCP_NODELAY the JDK server's small answers wait on delayed ACKs: ~40 ms per invocation.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "null".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static void produce(String bootstrap, int records) {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        byte[] value = new byte[100];
        Arrays.fill(value, (byte) 'x');
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(TOPIC, null, value));
            }
            producer.flush();
        }
    }

    private static long committed(Admin admin) throws Exception {
        long sum = 0;
        for (OffsetAndMetadata o : admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS).values()) {
            sum += o == null ? 0 : o.offset();
        }
        return sum;
    }

    private static String call(URI api, String path, String json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.resolve(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Heap in use right after a full GC, from {@code jcmd <pid> GC.class_histogram} (which runs one first). */
    private static String liveHeapAfterFullGc(long pid) {
        Matcher total = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)").matcher(jcmd(pid, "GC.class_histogram"));
        return total.find() ? "live heap after a full GC " + Long.parseLong(total.group(1)) / (1024 * 1024) + " MB"
                : "live heap not read (jcmd printed no total)";
    }

    /**
     * Where the JVM's own memory goes (heap, class metadata, thread stacks, code, GC, internal), from Native Memory
     * Tracking: what is left of the RSS beyond its total is outside the JVM's accounting (native libraries such as
     * JavaFX's, malloc arenas).
     */
    private static String nativeMemory(long pid) {
        StringBuilder summary = new StringBuilder("native memory tracking (committed MB):");
        Matcher m = Pattern.compile("(?m)^\\s*-?\\s*([A-Za-z][A-Za-z ]*?) \\(reserved=\\d+MB, committed=(\\d+)MB\\)")
                .matcher(jcmd(pid, "VM.native_memory", "summary", "scale=MB"));
        while (m.find()) {
            summary.append(String.format("%n  %-24s %6s", m.group(1).trim(), m.group(2)));
        }
        return summary.toString();
    }

    /** What the JDK's {@code jcmd} prints for one diagnostic command on the process (empty if it cannot run). */
    private static String jcmd(long pid, String... command) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        line.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            System.out.println("jcmd " + String.join(" ", command) + " failed: " + e.getMessage());
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Resident set size of a process, from Linux's /proc. */
    private static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
            throw new IllegalStateException("No VmRSS in /proc/" + pid + "/status");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the RSS of process " + pid + " (Linux only)", e);
        }
    }

    private static String awaitLine(Path log, Pattern pattern, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Optional<String> found = Files.exists(log) ? Optional.of(Files.readString(log, StandardCharsets.ISO_8859_1))
                    .map(pattern::matcher).filter(Matcher::find).map(m -> m.group(1)) : Optional.empty();
            if (found.isPresent()) {
                return found.get();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("serve ended before it started; see " + log);
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("serve did not print " + pattern + " within 120 s; see " + log);
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return Integer.parseInt(a.substring(name.length() + 1));
            }
        }
        return fallback;
    }
}
