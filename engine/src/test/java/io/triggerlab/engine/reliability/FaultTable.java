package io.triggerlab.engine.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The suite's result: one row per phase and a total, printed as a Markdown table. */
final class FaultTable {

    /** One phase: its share of the records and what happened to them. */
    record Row(String phase, DeliveryLedger.Counts counts, long lostAtEnd, long commitViolations, long invocations,
               long errors, long timeouts, long throttles, Duration took) {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    Row total() {
        DeliveryLedger.Counts sum = new DeliveryLedger.Counts(0, 0, 0, 0, 0);
        long lost = 0;
        long violations = 0;
        long invocations = 0;
        long errors = 0;
        long timeouts = 0;
        long throttles = 0;
        Duration took = Duration.ZERO;
        for (Row r : rows) {
            DeliveryLedger.Counts c = r.counts();
            sum = new DeliveryLedger.Counts(sum.produced() + c.produced(), sum.firstDeliveries() + c.firstDeliveries(),
                    sum.duplicates() + c.duplicates(), sum.outOfOrder() + c.outOfOrder(),
                    sum.wrongValues() + c.wrongValues());
            lost += r.lostAtEnd();
            violations += r.commitViolations();
            invocations += r.invocations();
            errors += r.errors();
            timeouts += r.timeouts();
            throttles += r.throttles();
            took = took.plus(r.took());
        }
        return new Row("**total**", sum, lost, violations, invocations, errors, timeouts, throttles, took);
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| phase (fault injected) | records produced | delivered (first time) | lost | out of order"
                + " | duplicates | wrong value | commits past an undelivered record | invocations | errors"
                + " | timeouts | throttled (429) | took |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<Row> all = new ArrayList<>(rows);
        all.add(total());
        for (Row r : all) {
            DeliveryLedger.Counts c = r.counts();
            out.append("| ").append(r.phase())
                    .append(" | ").append(c.produced())
                    .append(" | ").append(c.firstDeliveries())
                    .append(" | ").append(r.lostAtEnd())
                    .append(" | ").append(c.outOfOrder())
                    .append(" | ").append(c.duplicates())
                    .append(" | ").append(c.wrongValues())
                    .append(" | ").append(r.commitViolations())
                    .append(" | ").append(r.invocations())
                    .append(" | ").append(r.errors())
                    .append(" | ").append(r.timeouts())
                    .append(" | ").append(r.throttles())
                    .append(" | ").append(String.format("%.1f s", r.took().toMillis() / 1000.0))
                    .append(" |\n");
        }
        return out.toString();
    }
}
