package io.triggerlab.console.lag;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.observe.metrics.EsmMetric;
import io.triggerlab.engine.observe.metrics.MetricPoint;
import io.triggerlab.engine.observe.metrics.MetricQuery;
import io.triggerlab.engine.observe.metrics.MetricsSnapshot;
import io.triggerlab.engine.observe.metrics.PartitionLag;
import io.triggerlab.engine.observe.metrics.ScalingDecision;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The lag chart of one trigger: the topic-level OffsetLag and one line per partition over the chosen range, plus a
 * readout of the latest sample. The stored series is loaded in the background when the trigger or the range changes;
 * after that the chart follows the live {@code MetricsSampled} events (no database reads), keeping only the range's
 * span at the range's spacing, so it never grows without limit. Called on the FX thread only.
 */
public final class LagChartViewModel {

    /** Scaling decisions listed; older ones are in the store and the CLI. */
    public static final int DECISIONS_SHOWN = 8;
    /** Partition lines drawn at most: a 100-partition topic would be unreadable and costly to draw. */
    public static final int PARTITION_LINES_MAX = 16;
    /** Scaling decisions kept for the chart's markers: a day of scaling at most every few minutes. */
    public static final int MARKED_DECISIONS_MAX = 200;

    private final LagBackend backend;
    private final BackgroundWork work;
    private final ZoneId zone;
    private final Clock clock;

    /** Points per line, keyed by partition ({@link LagLine#TOPIC} first), oldest first. */
    private final Map<Integer, Deque<LagPoint>> points = new TreeMap<>();
    private String uuid;
    /** Bumped whenever the trigger or range changes, so a late load for the old one is ignored. */
    private long generation;

    private final ReadOnlyObjectWrapper<LagRange> range = new ReadOnlyObjectWrapper<>(LagRange.FIVE_MINUTES);
    private final ReadOnlyObjectWrapper<List<LagLine>> lines = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper offsetLag = new ReadOnlyStringWrapper("OffsetLag —");
    private final ReadOnlyStringWrapper timeLag = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper trend = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper counters = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper concurrency = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper consumers = new ReadOnlyStringWrapper("");
    private final ObservableList<String> decisions = FXCollections.observableArrayList();
    private final ObservableList<String> decisionsView = FXCollections.unmodifiableObservableList(decisions);
    /** The shown trigger's recent decisions, newest first, for the markers. */
    private final Deque<ScalingDecision> marked = new ArrayDeque<>();
    private final ReadOnlyObjectWrapper<List<ScalingMarker>> markers = new ReadOnlyObjectWrapper<>(List.of());

    public LagChartViewModel(LagBackend backend, BackgroundWork work, ZoneId zone, Clock clock) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.work = Objects.requireNonNull(work, "work");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Shows the lag of the trigger {@code mappingUuid} (null shows nothing). */
    public void show(String mappingUuid) {
        uuid = mappingUuid;
        points.clear();
        decisions.clear();
        marked.clear();
        clearReadout();
        publish();
        load();
    }

    public void selectRange(LagRange newRange) {
        if (newRange != null && newRange != range.get()) {
            range.set(newRange);
            load();
        }
    }

    /** A live sample of any trigger; only the shown trigger's count. */
    public void onMetricsSampled(MetricsSnapshot snapshot) {
        if (uuid == null || !uuid.equals(snapshot.mappingUuid())) {
            return;
        }
        showReadout(snapshot);
        if (snapshot.offsetLag() >= 0) {
            add(LagLine.TOPIC, new LagPoint(snapshot.at(), snapshot.offsetLag()));
            for (PartitionLag p : snapshot.partitions()) {
                if (p.partition() < PARTITION_LINES_MAX) {
                    add(p.partition(), new LagPoint(snapshot.at(), p.lag()));
                }
            }
            trim(snapshot.at());
            publish();
        }
    }

    /** A live scaling decision of any trigger; only the shown trigger's are listed. */
    public void onScalingDecided(ScalingDecision decision) {
        if (uuid != null && uuid.equals(decision.mappingUuid())) {
            decisions.add(0, LagText.decision(decision, zone));
            if (decisions.size() > DECISIONS_SHOWN) {
                decisions.remove(DECISIONS_SHOWN, decisions.size());
            }
            marked.addFirst(decision);
            while (marked.size() > MARKED_DECISIONS_MAX) {
                marked.removeLast();
            }
            publishMarkers();
        }
    }

    private void load() {
        long loading = ++generation;
        String shown = uuid;
        if (shown == null) {
            status.set("");
            return;
        }
        LagRange span = range.get();
        Instant now = clock.instant();
        status.set("Loading the last " + span + "…");
        work.submit("load the lag of the last " + span, () -> read(shown, span, now), stored -> {
            if (loading == generation) {
                apply(stored);
            }
        }, message -> {
            if (loading == generation) {
                status.set(message);
            }
        });
    }

    /** In the background: the stored lines, the latest sample and the recent decisions. */
    private Stored read(String mappingUuid, LagRange span, Instant now) {
        Optional<MetricsSnapshot> latest = backend.latest(mappingUuid);
        MetricQuery topic = MetricQuery.last(mappingUuid, EsmMetric.OFFSET_LAG, span.span(), now);
        Map<Integer, List<LagPoint>> read = new TreeMap<>();
        read.put(LagLine.TOPIC, pointsOf(backend.series(topic).points()));
        for (PartitionLag p : latest.map(MetricsSnapshot::partitions).orElse(List.of())) {
            if (p.partition() < PARTITION_LINES_MAX) {
                read.put(p.partition(), pointsOf(backend.series(topic.withPartition(p.partition())).points()));
            }
        }
        return new Stored(latest, read, backend.scalingDecisions(mappingUuid, MARKED_DECISIONS_MAX));
    }

    private static List<LagPoint> pointsOf(List<MetricPoint> stored) {
        List<LagPoint> out = new ArrayList<>(stored.size());
        for (MetricPoint p : stored) {
            out.add(new LagPoint(p.at(), p.value()));
        }
        return out;
    }

    /** Stored points first; live points that arrived while loading and are newer than the stored ones are kept. */
    private void apply(Stored stored) {
        Map<Integer, Deque<LagPoint>> live = new TreeMap<>(points);
        points.clear();
        Instant newest = Instant.EPOCH;
        for (Map.Entry<Integer, List<LagPoint>> line : stored.lines().entrySet()) {
            Deque<LagPoint> deque = new ArrayDeque<>(line.getValue());
            points.put(line.getKey(), deque);
            if (!deque.isEmpty() && deque.peekLast().at().isAfter(newest)) {
                newest = deque.peekLast().at();
            }
        }
        for (Map.Entry<Integer, Deque<LagPoint>> line : live.entrySet()) {
            for (LagPoint p : line.getValue()) {
                if (p.at().isAfter(newest)) {
                    add(line.getKey(), p);
                }
            }
        }
        stored.latest().ifPresent(this::showReadout);
        decisions.setAll(stored.decisions().stream().limit(DECISIONS_SHOWN).map(d -> LagText.decision(d, zone)).toList());
        marked.clear();
        marked.addAll(stored.decisions());
        trim(clock.instant());
        publish();
        status.set(points.get(LagLine.TOPIC).isEmpty() ? "No lag samples in the last " + range.get()
                + " yet: the trigger is sampled while it is enabled." : "");
    }

    private void add(int partition, LagPoint point) {
        Deque<LagPoint> line = points.computeIfAbsent(partition, p -> new ArrayDeque<>());
        LagPoint last = line.peekLast();
        if (last != null && point.at().isBefore(last.at().plus(range.get().spacing()))) {
            return; // closer than the range's resolution: the line stays as fine as the stored series, and bounded
        }
        line.addLast(point);
    }

    /** Drops points older than the range's span before {@code now}. */
    private void trim(Instant now) {
        Instant oldest = now.minus(range.get().span());
        for (Deque<LagPoint> line : points.values()) {
            while (!line.isEmpty() && line.peekFirst().at().isBefore(oldest)) {
                line.removeFirst();
            }
        }
    }

    private void publish() {
        List<LagLine> out = new ArrayList<>();
        points.forEach((partition, line) -> out.add(new LagLine(LagLine.nameOf(partition), partition, List.copyOf(line))));
        lines.set(List.copyOf(out));
        publishMarkers();
        if (!points.getOrDefault(LagLine.TOPIC, new ArrayDeque<>()).isEmpty()) {
            status.set("");
        }
    }

    /** The decisions within the range's span before now: older ones would sit off the chart's left edge. */
    private void publishMarkers() {
        Instant now = clock.instant();
        markers.set(ScalingMarker.visible(List.copyOf(marked), now.minus(range.get().span()), now, zone));
    }

    private void showReadout(MetricsSnapshot s) {
        offsetLag.set(LagText.offsetLag(s));
        timeLag.set(LagText.timeLag(s));
        trend.set(LagText.trend(s.trend()));
        counters.set(LagText.counters(s.totals()));
        concurrency.set(LagText.concurrency(s));
        consumers.set(LagText.consumers(s));
    }

    private void clearReadout() {
        offsetLag.set("OffsetLag —");
        timeLag.set("");
        trend.set("");
        counters.set("");
        concurrency.set("");
        consumers.set("");
    }

    public ReadOnlyObjectProperty<LagRange> rangeProperty() {
        return range.getReadOnlyProperty();
    }

    /** The lines to draw, topic-level first, then partitions in order. Replaced as a whole on every change. */
    public ReadOnlyObjectProperty<List<LagLine>> linesProperty() {
        return lines.getReadOnlyProperty();
    }

    /** "Loading…", why loading failed, or that there are no samples yet; empty while lines are shown. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty offsetLagProperty() {
        return offsetLag.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeLagProperty() {
        return timeLag.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty trendProperty() {
        return trend.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countersProperty() {
        return counters.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty concurrencyProperty() {
        return concurrency.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty consumersProperty() {
        return consumers.getReadOnlyProperty();
    }

    /** The scaling decisions within the visible range, oldest first, to mark on the chart. */
    public ReadOnlyObjectProperty<List<ScalingMarker>> markersProperty() {
        return markers.getReadOnlyProperty();
    }

    /** The recent scaling decisions, newest first. */
    public ObservableList<String> decisions() {
        return decisionsView;
    }

    private record Stored(Optional<MetricsSnapshot> latest, Map<Integer, List<LagPoint>> lines,
                          List<ScalingDecision> decisions) {
    }
}
