package io.triggerlab.console.invocations;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the loaded invocations (newest first) into the table's lines with retried batches grouped: one line per batch,
 * at the place of its newest attempt, and under an expanded group its older attempts, newest first.
 *
 * <p>A group's size comes from its newest attempt's number (attempts of a batch are numbered 1, 2, 3…), so a group
 * reads "3 attempts" even while its older attempts are on a page not loaded yet; when that page loads they join the
 * group instead of making lines of their own. A batch given up (sent to its destination, dropped) has one more row
 * than attempts, carrying the last attempt's number: it heads the group, as the batch's final outcome. Older attempts under an expanded group are the union of the loaded rows
 * and those fetched for the batch ({@code InvocationHistory#attemptsOf}), so none is missing or shown twice.
 */
final class AttemptGroups {

    private AttemptGroups() {
    }

    /**
     * @param newestFirst the rows that pass the filter and search, newest first
     * @param expanded    the batch ids whose groups are open
     * @param fetched     attempts fetched per batch id for open groups (may lack batches still being fetched)
     */
    static List<InvocationLine> lines(List<InvocationRow> newestFirst, Set<String> expanded,
                                      Map<String, List<InvocationRow>> fetched) {
        Map<String, List<InvocationRow>> byBatch = new LinkedHashMap<>();
        for (InvocationRow row : newestFirst) {
            byBatch.computeIfAbsent(row.batchId(), id -> new ArrayList<>(1)).add(row);
        }
        List<InvocationLine> lines = new ArrayList<>(byBatch.size());
        for (List<InvocationRow> attempts : byBatch.values()) {
            InvocationRow newest = attempts.get(0);
            if (newest.attempt() <= 1 && attempts.size() == 1) {
                lines.add(InvocationLine.single(newest));
                continue;
            }
            boolean open = expanded.contains(newest.batchId());
            List<InvocationRow> known = fetched.getOrDefault(newest.batchId(), List.of());
            int count = Math.max(newest.attempt(), known.stream().mapToInt(InvocationRow::attempt).max().orElse(1));
            lines.add(InvocationLine.group(newest, count, open));
            if (open) {
                otherAttempts(newest, attempts, known).forEach(older -> lines.add(InvocationLine.attempt(older)));
            }
        }
        return lines;
    }

    /** Every line for each row, as before grouping existed. */
    static List<InvocationLine> flat(List<InvocationRow> newestFirst) {
        return newestFirst.stream().map(InvocationLine::single).toList();
    }

    private static Collection<InvocationRow> otherAttempts(InvocationRow newest, List<InvocationRow> loaded,
                                                           List<InvocationRow> fetched) {
        Map<Long, InvocationRow> byIdNewestFirst = new TreeMap<>(Comparator.reverseOrder());
        for (InvocationRow row : loaded) {
            byIdNewestFirst.put(row.id(), row);
        }
        for (InvocationRow row : fetched) {
            byIdNewestFirst.putIfAbsent(row.id(), row);
        }
        byIdNewestFirst.remove(newest.id());
        return byIdNewestFirst.values();
    }
}
