package io.triggerlab.engine.controlplane.awscheck;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.controlplane.mapping.FilterCriteria;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Filters TriggerLab accepts but AWS would not: AWS's Kafka filtering is documented on {@code value} only; TriggerLab
 * also lets patterns see {@code topic}, {@code partition}, {@code offset}, {@code timestamp}, {@code timestampType} and
 * {@code key} (docs/aws-reading.md, Filtering, reading 2).
 */
final class FilterChecks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FilterChecks() {
    }

    static void check(FilterCriteria criteria, List<Finding> findings) {
        if (criteria == null) {
            return;
        }
        List<FilterCriteria.Filter> filters = criteria.filters();
        for (int i = 0; i < filters.size(); i++) {
            Set<String> metadata = new TreeSet<>();
            try {
                topLevelFields(JSON.readTree(filters.get(i).pattern()), metadata);
            } catch (JsonProcessingException e) {
                // Stored patterns were validated at Create/Update; one that no longer parses is not ours to judge.
                continue;
            }
            metadata.remove("value");
            if (!metadata.isEmpty()) {
                // Reading: AWS documents value-only filtering for Kafka but not what it answers to other fields.
                findings.add(Finding.reading("FILTER_ON_METADATA", Severity.WOULD_BE_REJECTED,
                        "Filter " + (i + 1) + " of FilterCriteria matches on " + String.join(", ", metadata)
                                + ": AWS's Kafka filtering supports the record's value only.",
                        "Match on \"value\" only, or filter the rest in the function."));
            }
        }
    }

    /** The pattern's top-level field names, looking through {@code $or} alternatives. */
    private static void topLevelFields(JsonNode pattern, Set<String> fields) {
        if (!pattern.isObject()) {
            return;
        }
        Iterator<String> names = pattern.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if ("$or".equals(name)) {
                pattern.get(name).forEach(alternative -> topLevelFields(alternative, fields));
            } else {
                fields.add(name);
            }
        }
    }
}
