package io.triggerlab.engine.controlplane.awscheck;

import io.triggerlab.engine.infra.auth.ClientSecurityException;
import io.triggerlab.engine.infra.auth.PemMaterial;
import io.triggerlab.engine.runtime.batch.BatchPolicy;
import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.FunctionRegistry;
import io.triggerlab.engine.invoke.function.JavaHandlerTarget;
import io.triggerlab.engine.observe.history.HistoryQuery;
import io.triggerlab.engine.observe.history.InvocationHistory;
import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationSummary;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingService;
import io.triggerlab.engine.controlplane.mapping.ProvisionedOnlySettings;
import io.triggerlab.engine.controlplane.mapping.SourceAccessConfiguration;
import io.triggerlab.engine.controlplane.mapping.SourceAccessType;
import io.triggerlab.engine.infra.secrets.SecretProvider;
import io.triggerlab.engine.infra.secrets.SecretShapes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * "Would this pass on AWS?": every setting of a mapping and its function that AWS would reject, or that behaves
 * differently there than in TriggerLab (which accepts several of them so a learner can watch them work). Read-only;
 * nothing here changes the mapping.
 */
public final class AwsCompatibilityCheck {

    /** How many recent history rows are searched for records over Lambda's 6 MB payload limit. */
    static final int RECENT_HISTORY_ROWS = 1000;

    private static final Logger log = LoggerFactory.getLogger(AwsCompatibilityCheck.class);

    private final MappingService mappings;
    private final FunctionRegistry functions;
    private final InvocationHistory history;
    private final SecretProvider secrets;
    private final TopicLimits topics;

    public AwsCompatibilityCheck(MappingService mappings, FunctionRegistry functions, InvocationHistory history,
                                 SecretProvider secrets, TopicLimits topics) {
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.functions = Objects.requireNonNull(functions, "functions");
        this.history = Objects.requireNonNull(history, "history");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.topics = Objects.requireNonNull(topics, "topics");
    }

    /**
     * The findings that follow from the configuration alone (not from history or the topic): what strict mode
     * judges before a Create or Update is stored.
     */
    public List<Finding> configurationFindings(EventSourceMapping mapping) {
        List<Finding> findings = new ArrayList<>();
        sourceAccess(mapping, findings);
        functions.find(mapping.functionArn()).ifPresent(function -> function(function, findings));
        provisionedOnly(mapping, findings);
        FilterChecks.check(mapping.filterCriteria(), findings);
        return findings;
    }

    /** Checks one mapping; an unknown UUID is Lambda's {@code ResourceNotFoundException}, as for GetEventSourceMapping. */
    public AwsCheckReport check(String mappingUuid) {
        EventSourceMapping mapping = mappings.get(mappingUuid);
        List<Finding> findings = new ArrayList<>();
        sourceAccess(mapping, findings);
        FunctionDefinition function = functions.find(mapping.functionArn()).orElse(null);
        if (function != null) {
            function(function, findings);
        }
        recordSizes(mapping, findings);
        provisionedOnly(mapping, findings);
        FilterChecks.check(mapping.filterCriteria(), findings);
        batchingWindow(mapping, findings);
        String functionName = function == null ? mapping.functionArn() : function.name();
        return new AwsCheckReport(mapping.uuid(), functionName, findings);
    }

    private static void provisionedOnly(EventSourceMapping mapping, List<Finding> findings) {
        for (String setting : ProvisionedOnlySettings.usedInOnDemandMode(mapping)) {
            // Reading: AWS's message for a provisioned-only setting in on-demand mode is not documented.
            findings.add(Finding.reading("PROVISIONED_ONLY_IN_ON_DEMAND", Severity.WOULD_BE_REJECTED, setting + ".",
                    "Set ProvisionedPollerConfig (MinimumPollers/MaximumPollers) or remove the setting."));
        }
    }

    private void sourceAccess(EventSourceMapping mapping, List<Finding> findings) {
        List<SourceAccessConfiguration> configs = mapping.sourceAccessConfigurations();
        for (SourceAccessConfiguration sac : configs == null ? List.<SourceAccessConfiguration>of() : configs) {
            SourceAccessType type = sac.accessType();
            if (mapping.isMsk() && type == SourceAccessType.SERVER_ROOT_CA_CERTIFICATE) {
                findings.add(new Finding("MSK_CUSTOM_ROOT_CA", Severity.WOULD_BE_REJECTED,
                        "SourceAccessConfigurations type SERVER_ROOT_CA_CERTIFICATE is not supported for an Amazon "
                                + "MSK event source: MSK brokers use Amazon Trust Services certificates.",
                        "Remove the SERVER_ROOT_CA_CERTIFICATE entry; Lambda trusts MSK's certificates by itself."));
            } else if (mapping.isMsk() && type == SourceAccessType.BASIC_AUTH) {
                findings.add(new Finding("MSK_SASL_PLAIN", Severity.WOULD_BE_REJECTED,
                        "SourceAccessConfigurations type BASIC_AUTH (SASL/PLAIN) is not supported for an Amazon MSK "
                                + "event source.",
                        "Use SASL_SCRAM_512_AUTH, CLIENT_CERTIFICATE_TLS_AUTH (mTLS) or IAM (no secret)."));
            } else if (mapping.isMsk() && type == SourceAccessType.SASL_SCRAM_256_AUTH) {
                findings.add(new Finding("MSK_SCRAM_256", Severity.WOULD_BE_REJECTED,
                        "SourceAccessConfigurations type SASL_SCRAM_256_AUTH is not supported for an Amazon MSK event "
                                + "source: MSK's SCRAM is SCRAM-SHA-512.",
                        "Use SASL_SCRAM_512_AUTH with a SCRAM-SHA-512 user on the cluster."));
            } else if (type == SourceAccessType.CLIENT_CERTIFICATE_TLS_AUTH) {
                privateKey(sac.uri(), findings);
            }
        }
    }

    /** Lambda refuses a PBES2-encrypted key (OpenSSL 3's default) and traditional PKCS#1/SEC1 keys. */
    private void privateKey(String secretArn, List<Finding> findings) {
        SecretShapes.ClientCertificate secret;
        try {
            secret = SecretShapes.clientCertificate(secretArn, secrets.secretValue(secretArn));
        } catch (RuntimeException e) {
            // The pollers report an unreadable secret (state, history); here only the key's form is judged.
            log.info("AWS check: secret {} cannot be read ({}), its private key is not checked", secretArn,
                    e.getClass().getSimpleName());
            return;
        }
        try {
            PemMaterial.requirePrivateKey(secret.privateKey(), secret.privateKeyPassword(),
                    "The private key in secret " + secretArn);
        } catch (ClientSecurityException e) {
            boolean pbes2 = e.getMessage().contains("PBES2");
            findings.add(new Finding(pbes2 ? "PBES2_PRIVATE_KEY" : "PRIVATE_KEY_NOT_ACCEPTED",
                    Severity.WOULD_BE_REJECTED, e.getMessage(), PemMaterial.REENCRYPT_HINT));
        }
    }

    private static void function(FunctionDefinition function, List<Finding> findings) {
        if (function.exceedsKafkaTriggerTimeout()) {
            findings.add(new Finding("FUNCTION_TIMEOUT_ABOVE_14_MINUTES", Severity.WOULD_BE_REJECTED,
                    "Function '" + function.name() + "' has a timeout of " + function.timeout().toSeconds()
                            + " s; Lambda's Kafka trigger allows at most 14 minutes (840 s).",
                    "Lower the function timeout to 840 seconds or less."));
        }
        if (function.target() instanceof CommandTarget || function.target() instanceof JavaHandlerTarget) {
            findings.add(new Finding("LOCAL_ONLY_FUNCTION_TARGET", Severity.BEHAVES_DIFFERENTLY,
                    "Function '" + function.name() + "' runs locally as a " + function.target().kind() + " target: no "
                            + "Lambda runtime, memory limit, cold start, concurrency limit or execution role.",
                    "Before deploying, try it behind the Invoke API (sam local start-lambda or the Runtime Interface "
                            + "Emulator: triggerlab function add NAME --invoke-url URL)."));
        }
    }

    private void recordSizes(EventSourceMapping mapping, List<Finding> findings) {
        List<InvocationSummary> oversize = history.list(HistoryQuery.ofMapping(mapping.uuid(), RECENT_HISTORY_ROWS)
                .withOutcome(InvocationOutcome.MAXIMUM_PAYLOAD_SIZE_EXCEEDED));
        if (!oversize.isEmpty()) {
            long records = oversize.stream().mapToLong(InvocationSummary::recordCount).sum();
            findings.add(new Finding("RECORDS_OVER_6_MB", Severity.WOULD_BE_REJECTED,
                    records + " record(s) on the topic were larger than Lambda's " + BatchPolicy.MAX_PAYLOAD_BYTES
                            + "-byte invocation payload limit (MaximumPayloadSizeExceeded): AWS never sends them "
                            + "to the function.",
                    "Keep records well under 6 MB (e.g. store large payloads in S3 and send a reference), or set an "
                            + "on-failure destination to capture them."));
        }
        OptionalLong max = topics.maxMessageBytes(mapping);
        if (max.isPresent() && max.getAsLong() > BatchPolicy.MAX_PAYLOAD_BYTES) {
            findings.add(new Finding("TOPIC_ALLOWS_RECORDS_OVER_6_MB", Severity.BEHAVES_DIFFERENTLY,
                    "Topic " + mapping.topic() + " has max.message.bytes " + max.getAsLong() + ", above Lambda's "
                            + BatchPolicy.MAX_PAYLOAD_BYTES + "-byte invocation payload limit: a record that large "
                            + "is produced fine but never reaches the function.",
                    "Lower the topic's max.message.bytes to 6291456 or less, or make sure producers never send more."));
        }
    }

    private static void batchingWindow(EventSourceMapping mapping, List<Finding> findings) {
        if (mapping.maximumBatchingWindowInSeconds() == null) {
            findings.add(new Finding("DEFAULT_BATCHING_WINDOW_500_MS", Severity.BEHAVES_DIFFERENTLY,
                    "MaximumBatchingWindowInSeconds is not set, so Kafka's default window of 500 ms applies. The API "
                            + "takes whole seconds: once the window is set (e.g. by a template that copies the "
                            + "mapping), 500 ms cannot be expressed and the smallest non-zero window is 1 s.",
                    "Set MaximumBatchingWindowInSeconds explicitly (0 for no waiting, or 1..300) so the local run "
                            + "and AWS batch the same way."));
        }
    }
}
