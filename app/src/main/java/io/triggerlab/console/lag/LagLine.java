package io.triggerlab.console.lag;

import java.util.List;
import java.util.Objects;

/**
 * One line of the lag chart, oldest point first: the topic-level {@code OffsetLag} or one partition's lag.
 *
 * @param partition the partition, or -1 for the topic-level line
 */
public record LagLine(String name, int partition, List<LagPoint> points) {

    public static final int TOPIC = -1;

    public LagLine {
        Objects.requireNonNull(name, "name");
        points = List.copyOf(points);
    }

    static String nameOf(int partition) {
        return partition == TOPIC ? "OffsetLag (topic)" : "Partition " + partition;
    }
}
