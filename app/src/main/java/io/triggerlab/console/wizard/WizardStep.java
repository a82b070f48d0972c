package io.triggerlab.console.wizard;

import java.util.Locale;

/** The steps of the "Add trigger" wizard, in the order of the Lambda console's MSK trigger form. */
public enum WizardStep {
    TRIGGER_TYPE("Trigger type", "Where the Kafka topic lives."),
    CLUSTER("Cluster", "The cluster the trigger polls."),
    BATCH_SIZE("Batch size", "The most records sent to the function in one invocation."),
    BATCH_WINDOW("Batch window", "How long to gather records before invoking the function."),
    TOPIC("Topic", "The Kafka topic to read, and optionally the consumer group to read it with."),
    STARTING_POSITION("Starting position", "Where a new consumer group starts reading."),
    AUTHENTICATION("Authentication", "How the trigger authenticates to the cluster."),
    FUNCTION("Function", "The function the records are delivered to."),
    ADDITIONAL("Additional settings", "Optional: error handling, filters, an on-failure destination, provisioned "
            + "pollers, logging, metrics and tags. Empty fields keep AWS's defaults."),
    ENABLE("Enable trigger", "Whether the trigger starts polling as soon as it is created."),
    REVIEW("Review", "What Create sends: the exact request, and the same call as an AWS CLI command.");

    private final String title;
    private final String description;

    WizardStep(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public boolean isLast() {
        return ordinal() == values().length - 1;
    }

    public WizardStep next() {
        return isLast() ? this : values()[ordinal() + 1];
    }

    public WizardStep previous() {
        return ordinal() == 0 ? this : values()[ordinal() - 1];
    }

    /**
     * The step whose field an API message is about, from the member it names ({@code at 'batchSize'},
     * {@code StartingPositionTimestamp …}); null when it names none, e.g. a conflict with another trigger.
     */
    public static WizardStep ofMessage(String message) {
        if (message == null) {
            return null;
        }
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("already exists")) {
            return null;
        }
        if (m.contains("schemaregistry")) {
            return ADDITIONAL;
        }
        if (m.contains("batchsize")) {
            return BATCH_SIZE;
        }
        if (m.contains("maximumbatchingwindow")) {
            return BATCH_WINDOW;
        }
        if (m.contains("maximumretryattempts") || m.contains("maximumrecordage") || m.contains("bisect")
                || m.contains("functionresponsetypes") || m.contains("filtercriteria") || m.contains("filter pattern")
                || m.contains("destinationconfig") || m.contains("destination") || m.contains("pollers")
                || m.contains("provisionedpollerconfig") || m.contains("loggingconfig") || m.contains("metricsconfig")
                || m.contains("tag")) {
            return ADDITIONAL;
        }
        if (m.contains("startingposition")) {
            return STARTING_POSITION;
        }
        if (m.contains("consumergroupid") || m.contains("topic")) {
            return TOPIC;
        }
        if (m.contains("sourceaccessconfiguration")) {
            return AUTHENTICATION;
        }
        if (m.contains("eventsourcearn") || m.contains("source arn") || m.contains("selfmanagedeventsource")
                || m.contains("endpoints") || m.contains("cluster") || m.contains("bootstrap")) {
            return CLUSTER;
        }
        if (m.contains("function")) {
            return FUNCTION;
        }
        return null;
    }
}
