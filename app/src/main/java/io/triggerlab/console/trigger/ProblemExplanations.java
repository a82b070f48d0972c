package io.triggerlab.console.trigger;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Explanations for every {@code PROBLEM: …} that a Kafka trigger's {@code LastProcessingResult} can show, taken from
 * AWS's troubleshooting documentation (docs/aws-behaviour.md#response, #connection-problems), plus the ones TriggerLab's engine words itself.
 */
public final class ProblemExplanations {

    private static final List<Entry> ENTRIES = List.of(
            new Entry("problem: function not found", new ProblemExplanation(
                    "The trigger's function is gone, so Lambda stopped it (FUNCTION_CONFIG_NOT_VALID)",
                    List.of("The function was removed after the trigger was created, and the pollers started again "
                            + "(an update, enable, or an engine restart)"),
                    List.of("Register the function again (Settings › Functions), then Enable the trigger",
                            "Or point the trigger at another function with Edit…"))),
            new Entry("event source mapping configuration is not valid", new ProblemExplanation(
                    "The trigger's configuration can no longer be used, so Lambda stopped it (ESM_CONFIG_NOT_VALID)",
                    List.of("Its MSK cluster is no longer registered, or no longer offers the brokers its "
                                    + "authentication needs",
                            "Its SourceAccessConfigurations name no method the cluster offers, or its schema "
                                    + "registry cannot be set up"),
                    List.of("Read the cause after \"not valid:\", fix the cluster or the trigger, then Enable it"))),
            new Entry("function call failed", new ProblemExplanation("The function failed on the last batch",
                    List.of("The function threw an error or returned a function error for the batch",
                            "It ran past its timeout, or it could not be started or reached at all",
                            "The trigger retries the whole batch (MaximumRetryAttempts -1 retries until the records "
                                    + "expire), so one bad record blocks its partition"),
                    List.of("Open the Invocations tab, select a failed attempt and read its error and logs",
                            "Fix the function, or reproduce the failure with the exported test event",
                            "Limit retries (MaximumRetryAttempts), split failing batches (BisectBatchOnFunctionError) "
                                    + "or report partial failures (ReportBatchItemFailures)"))),
            new Entry("connection error", new ProblemExplanation("The poller cannot connect to the Kafka cluster",
                    List.of("The bootstrap servers are wrong, or the brokers are down",
                            "In AWS: the event source VPC cannot reach Lambda, STS, Secrets Manager (when "
                                    + "authentication is used) or the on-failure destination"),
                    List.of("Check the cluster's health in the top bar and the trigger's bootstrap servers",
                            "Start the brokers, or fix the address; the trigger reconnects by itself",
                            "In AWS: add a NAT gateway or VPC endpoints for Lambda and STS (and Secrets Manager)"))),
            new Entry("failed to assume your function execution role", new ProblemExplanation(
                    "Lambda could not assume the function's execution role",
                    List.of("The execution role does not exist, or its trust policy does not allow lambda.amazonaws.com"),
                    List.of("Fix the role's trust policy in IAM; TriggerLab itself never assumes roles"))),
            new Entry("sasl authentication failed", new ProblemExplanation("The brokers rejected the SASL credentials",
                    List.of("Wrong SCRAM or PLAIN user name or password in the secret",
                            "IAM authentication: the execution role lacks kafka-cluster:Connect",
                            "Intermittently: the MSK cluster's TCP connection quota was exceeded (Lambda backs off, "
                                    + "then the result returns to OK)"),
                    List.of("Check the secret's username and password and that the mechanism (SCRAM-SHA-256 or "
                                    + "SCRAM-SHA-512) matches the brokers",
                            "For IAM, allow kafka-cluster:Connect on the cluster"))),
            new Entry("cluster failed to authorize lambda", new ProblemExplanation(
                    "The cluster authenticated the trigger but does not allow it to read",
                    List.of("SASL/SCRAM or mTLS: the user lacks ACLs on the topic, the consumer group or the cluster",
                            "IAM: the role lacks kafka-cluster actions on the topic and group"),
                    List.of("Grant Describe and Read on the topic, Describe and Read on the consumer group and "
                                    + "DescribeConfigs on the cluster",
                            "For IAM: allow kafka-cluster:DescribeGroup, AlterGroup, DescribeTopic, ReadData and "
                                    + "DescribeClusterDynamicConfiguration"))),
            new Entry("server failed to authenticate lambda", new ProblemExplanation(
                    "The brokers did not accept the trigger's client certificate",
                    List.of("No client certificate was configured (CLIENT_CERTIFICATE_TLS_AUTH)",
                            "A certificate was given but the brokers are not configured for mTLS",
                            "The brokers do not trust the certificate's issuer"),
                    List.of("Configure the client certificate secret, enable mTLS on the brokers, or add the "
                            + "issuing CA to the brokers' trust store"))),
            new Entry("failed to authenticate server", new ProblemExplanation(
                    "The trigger did not trust the brokers' TLS certificate",
                    List.of("The brokers use a private CA or a self-signed certificate and no "
                                    + "SERVER_ROOT_CA_CERTIFICATE was given",
                            "The root CA given is not the one that signed the brokers' certificate",
                            "Host name validation failed: the broker's DNS name or IP is not in the certificate's SAN"),
                    List.of("Add the right root CA (SERVER_ROOT_CA_CERTIFICATE), or reissue the broker certificates "
                            + "with their host names in the SAN"))),
            new Entry("certificate or private key is invalid", new ProblemExplanation(
                    "The client certificate or private key in the secret cannot be read",
                    List.of("The certificate or key is not PEM",
                            "The private key is encrypted with an algorithm other than PBES1"),
                    List.of("Store the certificate chain and key as PEM; re-encrypt the key with PBES1 or store it "
                            + "unencrypted"))),
            new Entry("internal error", new ProblemExplanation("The engine failed while processing the trigger",
                    List.of("An unexpected error inside the poller; it rewinds to the committed offsets and retries"),
                    List.of("Look at the engine log for this trigger's UUID; if it repeats, report it"))),
            new Entry("larger than the 6291456-byte", new ProblemExplanation(
                    "A single record is larger than Lambda's 6 MB invocation payload",
                    List.of("One record (with its base64 encoding and headers) does not fit in a 6,291,456-byte "
                            + "event, so it can never be delivered (MaximumPayloadSizeExceeded)"),
                    List.of("The record was skipped and the trigger moved on; keep records smaller, or store large "
                            + "payloads elsewhere and send a reference (claim check)"))));

    private ProblemExplanations() {
    }

    /** The explanation for a {@code PROBLEM: …} result; empty for {@code OK} and {@code No records processed}. */
    public static Optional<ProblemExplanation> explain(String lastProcessingResult) {
        if (lastProcessingResult == null || !lastProcessingResult.startsWith("PROBLEM")) {
            return Optional.empty();
        }
        String lower = lastProcessingResult.toLowerCase(Locale.ROOT);
        return Optional.of(ENTRIES.stream()
                .filter(e -> lower.contains(e.phrase()))
                .map(Entry::explanation)
                .findFirst()
                .orElseGet(() -> new ProblemExplanation("The trigger reports a problem",
                        List.of("TriggerLab has no documented explanation for this result"),
                        List.of("Look at the engine log for this trigger's UUID and at its failed invocations"))));
    }

    /** A sentence about a {@code StateTransitionReason}. */
    public static String explainReason(String stateTransitionReason) {
        if (stateTransitionReason == null) {
            return "";
        }
        switch (stateTransitionReason) {
            case "USER_INITIATED":
            case "User action":
                return "The last change was made by a user (create, update, enable or disable).";
            case "ESM_CONFIG_NOT_VALID":
                return "Lambda stopped the trigger: its configuration is not valid. Fix it and enable it again.";
            case "EVENT_SOURCE_AUTHN_ERROR":
                return "Lambda stopped the trigger: it could not authenticate to the cluster.";
            case "EVENT_SOURCE_AUTHZ_ERROR":
                return "Lambda stopped the trigger: the cluster does not authorize it to read.";
            case "FUNCTION_CONFIG_NOT_VALID":
                return "Lambda stopped the trigger: the function's configuration is not valid (in TriggerLab: the "
                        + "function is no longer registered). Fix it and enable the trigger again.";
            default:
                return "";
        }
    }

    private record Entry(String phrase, ProblemExplanation explanation) {
    }
}
