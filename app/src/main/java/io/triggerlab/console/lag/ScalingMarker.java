package io.triggerlab.console.lag;

import io.triggerlab.engine.observe.metrics.ScalingDecision;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A scaling decision drawn on the lag chart: a vertical line at its time with a tooltip such as
 * {@code scaled 1 -> 2 consumers: OffsetLag rose from 560 to 754 over 60 s}.
 */
public record ScalingMarker(Instant at, int fromPollers, int toPollers, String label, String tooltip) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    public ScalingMarker {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(tooltip, "tooltip");
    }

    static ScalingMarker of(ScalingDecision d, ZoneId zone) {
        return new ScalingMarker(d.at(), d.fromPollers(), d.toPollers(), d.fromPollers() + "→" + d.toPollers(),
                CLOCK.format(d.at().atZone(zone)) + " scaled " + d.fromPollers() + " -> " + d.toPollers()
                        + " consumers: " + d.message());
    }

    /** The decisions inside {@code [from, to]}, as markers, oldest first. */
    static List<ScalingMarker> visible(List<ScalingDecision> decisions, Instant from, Instant to, ZoneId zone) {
        return decisions.stream()
                .filter(d -> !d.at().isBefore(from) && !d.at().isAfter(to))
                .sorted(Comparator.comparing(ScalingDecision::at))
                .map(d -> of(d, zone))
                .toList();
    }
}
