package io.triggerlab.engine.controlplane.mapping;

import java.util.List;

/** HTTP 409: the resource already exists, or another operation is in progress. */
public final class ResourceConflictException extends LambdaApiException {

    public ResourceConflictException(String message) {
        super(409, message);
    }

    /**
     * The exact text AWS returns when the (event source, function, topic) triple is already mapped, as observed in
     * aws/aws-sam-cli#2308 (docs/aws-behaviour.md#api-errors):
     * {@code An event source mapping with event source arn ("<arn>"), function ("<functionArn>") and topics ("<topic>")
     * already exists. Please update or delete the existing mapping with UUID <uuid>}.
     * For a self-managed source (which has no ARN) the comma-joined bootstrap servers stand in for the ARN.
     */
    public static ResourceConflictException mappingExists(String eventSource, String functionArn, List<String> topics,
                                                          String existingUuid) {
        return new ResourceConflictException("An event source mapping with event source arn (\"" + eventSource
                + "\"), function (\"" + functionArn + "\") and topics (\"" + String.join(",", topics)
                + "\") already exists. Please update or delete the existing mapping with UUID " + existingUuid);
    }
}
