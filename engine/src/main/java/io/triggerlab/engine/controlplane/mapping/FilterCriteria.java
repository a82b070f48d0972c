package io.triggerlab.engine.controlplane.mapping;

import java.util.List;

/**
 * {@code FilterCriteria}: {@code {"Filters":[{"Pattern":"<EventBridge pattern JSON>"}]}}. On update, an empty
 * {@code FilterCriteria} ({@code {}}) removes the filters.
 */
public record FilterCriteria(List<Filter> filters) {

    public FilterCriteria {
        filters = filters == null ? List.of() : List.copyOf(filters);
    }

    public static FilterCriteria of(String... patterns) {
        return new FilterCriteria(java.util.Arrays.stream(patterns).map(Filter::new).toList());
    }

    /** One filter; {@code pattern} is the JSON text exactly as given. */
    public record Filter(String pattern) {
    }
}
