package io.triggerlab.engine.runtime.destination;

/**
 * Why records went to the on-failure destination: the {@code requestContext.condition} of AWS's failure record
 * (docs/aws-behaviour.md#on-failure-destinations). AWS documents {@code RetryAttemptsExhausted} for SQS/SNS/S3 but {@code RetriesExhausted} in its Kafka
 * topic example, so each destination kind gets its documented word. The record-age word is TriggerLab's reading
 * (Kinesis's {@code RecordAgeExceeded}); see {@code docs/aws-reading.md}.
 */
public enum FailureCondition {
    RETRIES_EXHAUSTED("RetryAttemptsExhausted", "RetriesExhausted"),
    RECORD_AGE_EXCEEDED("RecordAgeExceeded", "RecordAgeExceeded"),
    MAXIMUM_PAYLOAD_SIZE_EXCEEDED("MaximumPayloadSizeExceeded", "MaximumPayloadSizeExceeded"),
    /** Schema registry: the record names no schema the registry has (docs/aws-behaviour.md#schema-registry). */
    SCHEMA_NOT_FOUND("SCHEMA_NOT_FOUND", "SCHEMA_NOT_FOUND"),
    /** Schema registry: the record's bytes do not decode with the schema they name. */
    DESERIALIZATION_ERROR("DESERIALIZATION_ERROR", "DESERIALIZATION_ERROR");

    private final String awsName;
    private final String kafkaName;

    FailureCondition(String awsName, String kafkaName) {
        this.awsName = awsName;
        this.kafkaName = kafkaName;
    }

    /** The word in SQS, SNS and S3 failure records. */
    public String awsName() {
        return awsName;
    }

    /** The word in Kafka-topic failure records. */
    public String kafkaName() {
        return kafkaName;
    }
}
