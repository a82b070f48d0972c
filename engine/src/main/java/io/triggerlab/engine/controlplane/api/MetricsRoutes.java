package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggerlab.engine.observe.metrics.CounterTotals;
import io.triggerlab.engine.controlplane.awscheck.AwsPublishedMetrics;
import io.triggerlab.engine.observe.metrics.EsmMetric;
import io.triggerlab.engine.observe.metrics.MetricPoint;
import io.triggerlab.engine.observe.metrics.MetricQuery;
import io.triggerlab.engine.observe.metrics.MetricSeries;
import io.triggerlab.engine.observe.metrics.MetricsSnapshot;
import io.triggerlab.engine.observe.metrics.PartitionLag;
import io.triggerlab.engine.observe.metrics.ScalingDecision;
import io.triggerlab.engine.observe.metrics.TimeText;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code /triggerlab/v1/metrics[/scaling]}: the ESM metrics of a mapping (see {@code docs/metrics.md}).
 *
 * <p>{@code GET metrics?mapping=&metric=} answers a series: {@code metric} is a metric name ({@code OffsetLag},
 * {@code PolledEventCount}…, any case); {@code partition} (OffsetLag only) a partition; {@code from} and {@code to}
 * ISO-8601 instants or epoch milliseconds (default: the last hour up to now); {@code resolution} a bucket width such
 * as {@code 5s}, {@code 1m} or {@code PT5S} (default: about 300 points). Body:
 * {@code {"mapping","metric","kind","unit","partition","resolutionMillis","source","points":[{"at","value","min","max","samples"}]}}.
 * Without {@code metric} it answers the mapping's current state: {@code {"mapping","totals":{Name:count},"latest":Sample}}.
 * {@code GET metrics/scaling?mapping=&limit=} answers the newest scaling decisions, newest first.
 */
final class MetricsRoutes extends ExtensionRoute {

    private static final Duration DEFAULT_RANGE = Duration.ofHours(1);

    MetricsRoutes(ApiContext context, ObjectMapper mapper) {
        super(context, mapper);
    }

    @Override
    ApiResponse handle(ApiRequest request, String item) {
        requireMethod(request, "GET");
        if (context.metrics() == null) {
            throw ApiException.resourceNotFound("This API server runs without the engine's metrics");
        }
        String mapping = required(request, "mapping");
        if ("scaling".equals(item)) {
            return ApiResponse.ok(decisions(mapping, request.query("limit")));
        }
        if (item != null) {
            throw ApiException.unknownOperation("No TriggerLab API at " + request.rawPath() + ": use "
                    + ExtensionRoutes.PREFIX + "metrics or " + ExtensionRoutes.PREFIX + "metrics/scaling");
        }
        String metric = request.query("metric");
        return ApiResponse.ok(metric == null || metric.isEmpty() ? current(mapping) : series(request, mapping, metric));
    }

    private ObjectNode series(ApiRequest request, String mapping, String metricName) {
        MetricSeries series;
        try {
            EsmMetric metric = EsmMetric.parse(metricName);
            Instant to = optional(request, "to") == null ? context.clock().instant() : TimeText.instant(request.query("to"), "to");
            Instant from = optional(request, "from") == null ? to.minus(DEFAULT_RANGE)
                    : TimeText.instant(request.query("from"), "from");
            Duration resolution = optional(request, "resolution") == null ? null
                    : TimeText.duration(request.query("resolution"), "resolution");
            Integer partition = optional(request, "partition") == null ? null : partition(request.query("partition"));
            series = context.metrics().series(new MetricQuery(mapping, metric, partition, from, to, resolution));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter(e.getMessage());
        }
        ObjectNode body = mapper.createObjectNode();
        body.put("mapping", mapping);
        body.put("metric", series.query().metric().awsName());
        body.put("kind", series.query().metric().kind().name());
        body.put("unit", series.query().metric().unit());
        if (series.query().partition() == null) {
            body.putNull("partition");
        } else {
            body.put("partition", series.query().partition());
        }
        body.put("from", series.query().from().toString());
        body.put("to", series.query().to().toString());
        body.put("resolutionMillis", series.resolution().toMillis());
        body.put("source", series.source());
        ArrayNode points = body.putArray("points");
        for (MetricPoint p : series.points()) {
            points.addObject().put("at", p.at().toString()).put("value", p.value()).put("min", p.min())
                    .put("max", p.max()).put("samples", p.samples());
        }
        return body;
    }

    private ObjectNode current(String mapping) {
        ObjectNode body = mapper.createObjectNode();
        body.put("mapping", mapping);
        // The AWS view: what CloudWatch would get under this MetricsConfig; TriggerLab's own numbers follow regardless.
        ArrayNode published = body.putArray("awsPublishes");
        context.mappings().all().stream().filter(m -> m.uuid().equals(mapping)).findFirst()
                .ifPresent(m -> AwsPublishedMetrics.of(m).forEach(published::add));
        body.set("totals", totals(context.metrics().totals(mapping)));
        context.metrics().latest(mapping).ifPresentOrElse(s -> body.set("latest", sample(s)), () -> body.putNull("latest"));
        return body;
    }

    private ObjectNode totals(CounterTotals totals) {
        ObjectNode out = mapper.createObjectNode();
        for (EsmMetric m : EsmMetric.values()) {
            if (m.kind() == EsmMetric.Kind.COUNTER) {
                out.put(m.awsName(), totals.get(m));
            }
        }
        return out;
    }

    private ObjectNode sample(MetricsSnapshot s) {
        ObjectNode out = mapper.createObjectNode();
        out.put("at", s.at().toString());
        out.put("intervalMillis", s.interval().toMillis());
        out.put("trend", s.trend().name());
        ObjectNode values = out.putObject("values");
        for (EsmMetric m : EsmMetric.values()) {
            s.value(m).ifPresent(v -> values.put(m.awsName(), v));
        }
        ArrayNode partitions = out.putArray("partitions");
        for (PartitionLag p : s.partitions()) {
            partitions.addObject().put("partition", p.partition()).put("logEndOffset", p.logEndOffset())
                    .put("committedOffset", p.committedOffset()).put("lag", p.lag());
        }
        return out;
    }

    private ObjectNode decisions(String mapping, String limitText) {
        int limit = 50;
        if (limitText != null && !limitText.isEmpty()) {
            try {
                limit = Integer.parseInt(limitText.trim());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 1000) {
                throw ApiException.invalidParameter("limit '" + limitText + "' is not valid: give a whole number 1..1000");
            }
        }
        ObjectNode body = mapper.createObjectNode();
        ArrayNode list = body.putArray("decisions");
        for (ScalingDecision d : context.metrics().scalingDecisions(mapping, limit)) {
            list.addObject().put("id", d.id()).put("at", d.at().toString()).put("fromPollers", d.fromPollers())
                    .put("toPollers", d.toPollers()).put("reason", d.reason().name()).put("message", d.message());
        }
        return body;
    }

    private static Integer partition(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("partition '" + text + "' is not valid: give a partition number");
        }
    }

    private static String optional(ApiRequest request, String name) {
        String value = request.query(name);
        return value == null || value.isEmpty() ? null : value;
    }

    private static String required(ApiRequest request, String name) {
        String value = optional(request, name);
        if (value == null) {
            throw ApiException.invalidParameter("The query parameter '" + name + "' is required: give the mapping's UUID,"
                    + " e.g. " + ExtensionRoutes.PREFIX + "metrics?mapping=<uuid>&metric=OffsetLag");
        }
        return value;
    }
}
