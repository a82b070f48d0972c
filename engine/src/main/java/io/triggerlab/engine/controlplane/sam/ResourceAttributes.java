package io.triggerlab.engine.controlplane.sam;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * What {@code !Ref X} and {@code !GetAtt X.Arn} give for the resources a Kafka trigger names: the functions
 * themselves, the MSK cluster, the secrets, the failure destinations. Nothing is deployed, so the names are the ones a
 * deployment would have with the template's own name properties, else the logical ID; ARNs are built from them in the
 * engine's region and account. An MSK cluster's ARN gets a UUID derived from its name, so the same template gives the
 * same ARN every import.
 */
final class ResourceAttributes {

    /** A resource of the template: its type, logical ID and a way to read a name property (resolved). */
    record Resource(String logicalId, String type, int line, Function<String, String> nameProperty) {
    }

    private final String region;
    private final String accountId;

    ResourceAttributes(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    /** {@code !Ref logicalId}. */
    String ref(Resource r, int line) {
        return switch (r.type()) {
            case "AWS::Serverless::Function", "AWS::Lambda::Function" -> functionName(r);
            case "AWS::MSK::Cluster", "AWS::MSK::ServerlessCluster" -> clusterArn(r);
            case "AWS::SNS::Topic" -> arn("sns", name(r, "TopicName"));
            case "AWS::SecretsManager::Secret" -> arn("secretsmanager", "secret:" + name(r, "Name"));
            case "AWS::SQS::Queue" -> "https://sqs." + region + ".amazonaws.com/" + accountId + "/" + name(r, "QueueName");
            case "AWS::S3::Bucket" -> name(r, "BucketName").toLowerCase(Locale.ROOT);
            default -> throw new UnmappableException(line, "!Ref " + r.logicalId() + " (a " + r.type()
                    + "): TriggerLab does not know what it gives");
        };
    }

    /** {@code !GetAtt logicalId.attribute}. */
    String getAtt(Resource r, String attribute, int line) {
        String value = switch (r.type() + "." + attribute) {
            case "AWS::Serverless::Function.Arn", "AWS::Lambda::Function.Arn" -> arn("lambda", "function:" + functionName(r));
            case "AWS::MSK::Cluster.Arn", "AWS::MSK::ServerlessCluster.Arn" -> clusterArn(r);
            case "AWS::SQS::Queue.Arn" -> arn("sqs", name(r, "QueueName"));
            case "AWS::SQS::Queue.QueueName" -> name(r, "QueueName");
            case "AWS::SNS::Topic.TopicArn" -> arn("sns", name(r, "TopicName"));
            case "AWS::S3::Bucket.Arn" -> "arn:aws:s3:::" + name(r, "BucketName").toLowerCase(Locale.ROOT);
            case "AWS::SecretsManager::Secret.Id" -> arn("secretsmanager", "secret:" + name(r, "Name"));
            default -> null;
        };
        if (value == null) {
            throw new UnmappableException(line, "!GetAtt " + r.logicalId() + "." + attribute + " (a " + r.type()
                    + "): TriggerLab does not know this attribute");
        }
        return value;
    }

    static String functionName(Resource r) {
        return name(r, "FunctionName");
    }

    private String clusterArn(Resource r) {
        String name = name(r, "ClusterName");
        UUID id = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        return "arn:aws:kafka:" + region + ":" + accountId + ":cluster/" + name + "/" + id;
    }

    private String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + accountId + ":" + resource;
    }

    private static String name(Resource r, String property) {
        String given = r.nameProperty().apply(property);
        return given == null || given.isBlank() ? r.logicalId() : given;
    }

}
