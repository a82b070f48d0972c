package io.triggerlab.console.wizard;

/** The two Kafka trigger types of the Lambda console. */
public enum TriggerType {
    MSK("Amazon MSK", "A cluster from TriggerLab's cluster registry, named by its ARN (the sandbox broker is one)."),
    SELF_MANAGED("Self-managed Apache Kafka", "Any Kafka cluster, named by its bootstrap servers.");

    private final String label;
    private final String description;

    TriggerType(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return label;
    }
}
