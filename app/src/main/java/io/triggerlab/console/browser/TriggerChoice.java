package io.triggerlab.console.browser;

import java.util.Objects;

/** A trigger that reads the browsed topic, as "Send to function" offers it: "order-summary (3f2a9c1d)". */
public record TriggerChoice(String mappingUuid, String functionName) {

    public TriggerChoice {
        Objects.requireNonNull(mappingUuid, "mappingUuid");
        Objects.requireNonNull(functionName, "functionName");
    }

    @Override
    public String toString() {
        return functionName + " (" + mappingUuid.substring(0, Math.min(8, mappingUuid.length())) + ")";
    }
}
