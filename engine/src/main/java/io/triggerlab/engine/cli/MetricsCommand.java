package io.triggerlab.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.observe.metrics.EsmMetric;
import io.triggerlab.engine.observe.metrics.MetricPoint;
import io.triggerlab.engine.observe.metrics.MetricQuery;
import io.triggerlab.engine.observe.metrics.MetricSeries;
import io.triggerlab.engine.infra.store.MetricStore;
import io.triggerlab.engine.observe.metrics.MetricsSettings;
import io.triggerlab.engine.observe.metrics.ScalingDecision;
import io.triggerlab.engine.infra.store.ScalingDecisionLog;
import io.triggerlab.engine.observe.metrics.TimeText;
import io.triggerlab.engine.infra.store.DataDirectory;
import io.triggerlab.engine.infra.store.DataDirectoryInUseException;
import io.triggerlab.engine.infra.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code triggerlab metrics}: a mapping's stored metric series, or its scaling decisions. Reads the data directory's
 * database when no engine holds it; when an engine runs there, asks its HTTP API instead (the database belongs to
 * the engine while it runs).
 */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Show a mapping's metric series (OffsetLag, PolledEventCount, ...) or its scaling decisions.")
final class MetricsCommand extends DataDirectoryCommand {

    @Option(names = "--mapping", required = true, paramLabel = "UUID", description = "The event source mapping's UUID.")
    private String mapping;

    @Option(names = "--metric", paramLabel = "NAME", defaultValue = "OffsetLag",
            description = "Metric name (default: ${DEFAULT-VALUE}), e.g. SumOffsetLag, TimeLag, InvokedEventCount.")
    private String metric;

    @Option(names = "--partition", paramLabel = "N", description = "One partition's OffsetLag.")
    private Integer partition;

    @Option(names = "--since", paramLabel = "DURATION", defaultValue = "1h",
            description = "How far back (default: ${DEFAULT-VALUE}); e.g. 15m, 6h, 7d.")
    private String since;

    @Option(names = "--resolution", paramLabel = "DURATION", description = "Bucket width, e.g. 5s, 1m (default: automatic).")
    private String resolution;

    @Option(names = "--scaling", description = "Show the scaling decisions instead of a series.")
    private boolean scaling;

    @Option(names = "--api-port", paramLabel = "N", defaultValue = "9001",
            description = "Port of the running engine's API, used when the data directory is in use (default: ${DEFAULT-VALUE}).")
    private int apiPort;

    @Override
    public Integer call() {
        Instant now = Instant.now();
        MetricQuery query = new MetricQuery(mapping, EsmMetric.parse(metric), partition,
                now.minus(TimeText.duration(since, "--since")), now,
                resolution == null ? null : TimeText.duration(resolution, "--resolution"));
        Path directory = dataDirectory();
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(directory.resolve("db"))) {
            // A read-only command must not create a data directory: the user most likely meant another one.
            throw new IllegalArgumentException("No TriggerLab data in " + directory
                    + ": give the engine's data directory with --data-dir or TRIGGERLAB_HOME");
        }
        try (DataDirectory held = DataDirectory.open(directory); Database db = Database.open(held.databaseFile())) {
            if (scaling) {
                printDecisions(out, new ScalingDecisionLog(db.dataSource()).list(mapping, 50));
            } else {
                MetricSeries series = new MetricStore(db.dataSource(), MetricsSettings.defaults()).query(query, now);
                printSeries(out, query, series.resolution(), series.points());
            }
        } catch (DataDirectoryInUseException e) {
            fromRunningEngine(out, query);
        }
        out.flush();
        return 0;
    }

    private void printSeries(PrintWriter out, MetricQuery q, Duration width, List<MetricPoint> points) {
        out.printf(Locale.ROOT, "%s of mapping %s%s, every %s%n", q.metric().awsName(), q.mappingUuid(),
                q.partition() == null ? "" : " partition " + q.partition(), width);
        if (points.isEmpty()) {
            out.println("(no samples in this range: the mapping was not running, or the range is older than the retention)");
            return;
        }
        out.printf(Locale.ROOT, "%-24s %14s %14s %14s %7s%n", "time", q.metric().kind() == EsmMetric.Kind.COUNTER
                ? "count" : "mean", "min", "max", "samples");
        for (MetricPoint p : points) {
            out.printf(Locale.ROOT, "%-24s %14.2f %14.2f %14.2f %7d%n", p.at(), p.value(), p.min(), p.max(), p.samples());
        }
    }

    private static void printDecisions(PrintWriter out, List<ScalingDecision> decisions) {
        if (decisions.isEmpty()) {
            out.println("(no scaling decisions)");
        }
        for (ScalingDecision d : decisions) {
            out.printf(Locale.ROOT, "%-24s %d -> %d  %-14s %s%n", d.at(), d.fromPollers(), d.toPollers(), d.reason(),
                    d.message());
        }
    }

    private void fromRunningEngine(PrintWriter out, MetricQuery q) {
        String path = scaling ? "metrics/scaling?mapping=" + encode(q.mappingUuid())
                : "metrics?mapping=" + encode(q.mappingUuid()) + "&metric=" + q.metric().awsName()
                + "&from=" + q.from() + "&to=" + q.to() + "&resolution=" + q.resolution().toMillis() + "ms"
                + (q.partition() == null ? "" : "&partition=" + q.partition());
        URI uri = URI.create("http://127.0.0.1:" + apiPort + "/triggerlab/v1/" + path);
        JsonNode body = get(uri);
        if (scaling) {
            if (body.get("decisions").isEmpty()) {
                out.println("(no scaling decisions)");
            }
            for (JsonNode d : body.get("decisions")) {
                out.printf(Locale.ROOT, "%-24s %d -> %d  %-14s %s%n", d.get("at").asText(), d.get("fromPollers").asInt(),
                        d.get("toPollers").asInt(), d.get("reason").asText(), d.get("message").asText());
            }
            return;
        }
        List<MetricPoint> points = new ArrayList<>();
        for (JsonNode p : body.get("points")) {
            points.add(new MetricPoint(Instant.parse(p.get("at").asText()), p.get("value").asDouble(),
                    p.get("min").asDouble(), p.get("max").asDouble(), p.get("samples").asLong()));
        }
        printSeries(out, q, Duration.ofMillis(body.get("resolutionMillis").asLong()), points);
    }

    private static JsonNode get(URI uri) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = new ObjectMapper().readTree(response.body());
            if (response.statusCode() != 200) {
                throw new IllegalArgumentException("The engine's API refused: " + body.path("message").asText(response.body()));
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("The data directory is in use by a running engine, but its API at "
                    + uri.getAuthority() + " did not answer (" + e.getMessage() + "). Give its port with --api-port.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking the engine's API", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
