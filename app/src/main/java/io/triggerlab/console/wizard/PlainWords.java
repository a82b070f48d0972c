package io.triggerlab.console.wizard;

import java.util.List;
import java.util.Locale;

/**
 * Says what an API validation message asks of the person, in plain words: the wizard shows this first and the API's
 * exact text in a detail line below it.
 */
final class PlainWords {

    private record Rule(String contains, String plain) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("schemaregistry", "The schema registry settings are not accepted: give the registry's URL or "
                    + "Glue registry ARN, JSON or SOURCE as the record format, and KEY or VALUE to validate."),
            new Rule("already exists", "A trigger for this function and topic on this cluster exists already."),
            new Rule("batchsize", "Batch size must be a whole number of records, 1 to 10,000."),
            new Rule("maximumbatchingwindow", "Batch window must be 0 to 300 whole seconds, or empty for Kafka's "
                    + "500 ms default."),
            new Rule("maximumretryattempts", "Retry attempts must be -1 (until the record expires) or 0 to 10,000."),
            new Rule("maximumrecordage", "Record age must be -1 (no limit) or 60 to 604,800 seconds."),
            new Rule("filter", "A filter pattern is not valid: each line must be one EventBridge pattern (JSON)."),
            new Rule("destination", "The on-failure destination is not accepted: give an SQS, SNS or S3 ARN, or "
                    + "kafka://topic."),
            new Rule("pollers", "Pollers: minimum 1 to 200, maximum 1 to 2,000, and the minimum not above the maximum."),
            new Rule("loggingconfig", "Choose a log level: DEBUG, INFO or WARN."),
            new Rule("metricsconfig", "Choose metrics from EventCount, ErrorCount and KafkaMetrics."),
            new Rule("tag", "A tag is not accepted: keys up to 128 characters, values up to 256."),
            new Rule("startingpositiontimestamp", "Choose a start time that has already passed."),
            new Rule("startingposition", "Choose where a new consumer group starts reading."),
            new Rule("sourceaccessconfiguration", "This authentication is not accepted for this cluster."),
            new Rule("consumergroupid", "The consumer group ID is not accepted: letters, digits and . _ - only, up to "
                    + "200 characters."),
            new Rule("topic", "Enter the one topic the trigger reads."),
            new Rule("selfmanagedeventsource", "Enter the bootstrap servers as host:port, separated by commas."),
            new Rule("bootstrap", "Enter the bootstrap servers as host:port, separated by commas."),
            new Rule("cluster", "Choose a cluster from the registry."),
            new Rule("eventsourcearn", "Choose a cluster from the registry."),
            new Rule("function", "Choose the function that receives the records."));

    private PlainWords() {
    }

    /** The plain sentence for this API message; a general one when no rule knows it. */
    static String of(String apiMessage) {
        String m = apiMessage == null ? "" : apiMessage.toLowerCase(Locale.ROOT);
        for (Rule rule : RULES) {
            if (m.contains(rule.contains())) {
                return rule.plain();
            }
        }
        return "AWS would refuse this setting.";
    }
}
