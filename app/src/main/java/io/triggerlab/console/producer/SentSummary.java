package io.triggerlab.console.producer;

import io.triggerlab.engine.infra.cluster.SentRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.TreeMap;

/** Where a send's records went, in one line. */
final class SentSummary {

    private SentSummary() {
    }

    /** "Sent 10 records to orders: orders-0 offsets 5–9, orders-1 offsets 0–4". */
    static String describe(List<SentRecord> sent) {
        if (sent.isEmpty()) {
            return "Sent nothing.";
        }
        Map<String, LongSummaryStatistics> byPartition = new TreeMap<>();
        for (SentRecord r : sent) {
            byPartition.computeIfAbsent(r.topicPartition(), k -> new LongSummaryStatistics()).accept(r.offset());
        }
        List<String> parts = new ArrayList<>();
        byPartition.forEach((tp, stats) -> parts.add(tp + (stats.getMin() == stats.getMax()
                ? " offset " + stats.getMin() : " offsets " + stats.getMin() + "–" + stats.getMax())));
        return "Sent " + sent.size() + (sent.size() == 1 ? " record to " : " records to ") + sent.get(0).topic() + ": "
                + String.join(", ", parts);
    }
}
