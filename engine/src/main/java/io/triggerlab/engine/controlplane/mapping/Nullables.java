package io.triggerlab.engine.controlplane.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive copies that keep {@code null} (an absent member) and tolerate null elements (refused later, with a message). */
final class Nullables {

    private Nullables() {
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    static <K, V> Map<K, V> copy(Map<K, V> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
