package io.triggerlab.engine.client;

import io.triggerlab.engine.EngineConfig;
import io.triggerlab.engine.client.view.SecretsManagerView;
import io.triggerlab.engine.client.view.SecuredSandboxView;
import io.triggerlab.engine.controlplane.awscheck.AwsCheckReport;
import io.triggerlab.engine.controlplane.awscheck.StrictAwsAdmission;
import io.triggerlab.engine.controlplane.mapping.MappingAdmission;
import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingValidator;
import io.triggerlab.engine.controlplane.mapping.UpdateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.sam.ClusterChoice;
import io.triggerlab.engine.controlplane.sam.ClusterQuestion;
import io.triggerlab.engine.controlplane.sam.FunctionTargetFactory;
import io.triggerlab.engine.controlplane.sam.ImportPlan;
import io.triggerlab.engine.controlplane.sam.ImportResult;
import io.triggerlab.engine.controlplane.sam.TemplateImporter;
import io.triggerlab.engine.infra.cluster.ClusterRegistry;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.infra.cluster.ClusterEndpoint;
import io.triggerlab.engine.infra.cluster.KafkaRecordReader;
import io.triggerlab.engine.infra.cluster.MskClusterImporter;
import io.triggerlab.engine.infra.cluster.RecordQuery;
import io.triggerlab.engine.infra.cluster.StoredRecord;
import io.triggerlab.engine.infra.secrets.SecretMetadata;
import io.triggerlab.engine.infra.secrets.SecretValue;
import io.triggerlab.engine.invoke.faults.FaultKind;
import io.triggerlab.engine.invoke.faults.FaultPlan;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.RuntimeTarget;
import io.triggerlab.engine.invoke.runtime.RuntimePreflight;
import io.triggerlab.engine.observe.events.EngineEvent;
import io.triggerlab.engine.observe.history.InvocationRecord;
import io.triggerlab.engine.observe.metrics.CounterTotals;
import io.triggerlab.engine.observe.systemlog.SystemLogEntry;
import io.triggerlab.engine.observe.systemlog.SystemLogQuery;
import io.triggerlab.engine.observe.metrics.MetricQuery;
import io.triggerlab.engine.observe.metrics.MetricSeries;
import io.triggerlab.engine.observe.metrics.MetricsSnapshot;
import io.triggerlab.engine.observe.metrics.ScalingDecision;
import io.triggerlab.engine.runtime.filter.FilterTrial;
import io.triggerlab.engine.runtime.offsets.OffsetReset;
import io.triggerlab.engine.runtime.offsets.OffsetResetResult;
import io.triggerlab.engine.runtime.schema.SchemaRegistryAccess;
import io.triggerlab.engine.runtime.step.StepMode;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Consumer;

/**
 * What a client of a running engine (the console, the CLI's {@code serve}, a test) may do: commands and queries that
 * take and return immutable records (the read models, see {@link io.triggerlab.engine.client.view}), and the stream
 * of {@link EngineEvent}s. The engine's services stay behind it. Handed out by {@code Engine.client()}; every call may
 * block on the store or the cluster, so UI callers make them off their UI thread.
 */
public final class EngineClient {

    /** The cluster name of the engine's own embedded broker in the cluster list. */
    public static final String SANDBOX_CLUSTER_NAME = ClusterRegistry.SANDBOX_CLUSTER_NAME;

    private final EngineParts parts;
    private final InvocationQueries invocations;
    private final ClusterTopics topics;
    private final ClusterAdmin clusterAdmin;
    private final AwsSettings awsSettings;
    private final TemplateImporter samTemplates;
    private final SchemaRecords schemaRecords;

    public EngineClient(EngineParts parts) {
        this.parts = parts;
        this.invocations = InvocationQueries.of(parts.history());
        this.topics = ClusterTopics.of(parts.topics());
        this.clusterAdmin = new ClusterAdmin(parts);
        this.awsSettings = new AwsSettings(parts.config());
        this.samTemplates = new TemplateImporter(parts.functions(), parts.mappings(), parts.clusters(),
                parts.config().region(), parts.config().accountId(), FunctionTargetFactory.RUNTIME);
        this.schemaRecords = new SchemaRecords(Optional.ofNullable(parts.schemaRegistry()), new SchemaRegistryAccess(
                parts.secrets(), new SchemaRegistryAccess.GlueAccess(Optional.ofNullable(awsSettings.profile()),
                Optional.empty())));
    }

    // ---- the engine itself

    /** How the engine was started (data directory, cluster, region and account, ports). */
    public EngineConfig config() {
        return parts.config();
    }

    /** Bootstrap servers of the cluster in use: the sandbox broker's, or the external cluster's. */
    public String bootstrapServers() {
        return parts.bootstrapServers();
    }

    /** The local Lambda API (AWS's event source mapping operations plus {@code /triggerlab/v1/}). */
    public URI apiEndpoint() {
        return parts.apiEndpoint();
    }

    /** The engine's events as they happen. */
    public EventStream events() {
        return this::subscribe;
    }

    /** Calls {@code listener} (on the publishing engine thread) with every event from now on, until closed. */
    public AutoCloseable subscribe(Consumer<? super EngineEvent> listener) {
        return parts.events().subscribe(listener);
    }

    // ---- triggers (event source mappings)

    /** Every mapping, in the API's list order. */
    public List<EventSourceMapping> mappings() {
        return parts.mappings().all();
    }

    /** One mapping; an unknown UUID is the API's {@code ResourceNotFoundException}. */
    public EventSourceMapping mapping(String uuid) {
        return parts.mappings().get(uuid);
    }

    /** CreateEventSourceMapping, with the API's validation and errors. */
    public EventSourceMapping createMapping(CreateEventSourceMappingRequest request) {
        return parts.mappings().create(request);
    }

    /** UpdateEventSourceMapping, with the API's validation and errors. */
    public EventSourceMapping updateMapping(String uuid, UpdateEventSourceMappingRequest request) {
        return parts.mappings().update(uuid, request);
    }

    /** DeleteEventSourceMapping: the mapping goes to Deleting and disappears once its pollers stopped. */
    public EventSourceMapping deleteMapping(String uuid) {
        return parts.mappings().delete(uuid);
    }

    /** Moves a disabled mapping's committed offsets (TriggerLab's own operation; AWS has none). */
    public OffsetResetResult resetOffsets(String uuid, OffsetReset target) {
        return parts.mappings().resetOffsets(uuid, target);
    }

    /** How many pollers (Kafka consumers) a mapping runs right now. */
    public int pollerCount(String uuid) {
        return parts.supervisor().pollerCount(uuid);
    }

    /** Whether a trigger is in step mode (a TriggerLab extra) and whether a batch waits at its gate. */
    public StepMode.Status stepMode(String uuid) {
        parts.mappings().get(uuid);
        return parts.supervisor().stepMode().status(uuid);
    }

    /** Turns step mode on (each batch waits for {@link #deliverNextBatch}) or off (a waiting batch goes). */
    public StepMode.Status setStepMode(String uuid, boolean enabled) {
        parts.mappings().get(uuid);
        return parts.supervisor().stepMode().set(uuid, enabled);
    }

    /** Lets one batch of a trigger in step mode go; refused with a clear message when step mode is off. */
    public StepMode.Status deliverNextBatch(String uuid) {
        parts.mappings().get(uuid);
        return parts.supervisor().stepMode().deliverNext(uuid);
    }

    /** The API's own request validation, so a form shows the API's messages before it sends anything. */
    public MappingValidator validator() {
        return new MappingValidator(parts.config().clock());
    }

    /** "Would this pass on AWS?" for a mapping and its function. */
    public AwsCheckReport awsCheck(String uuid) {
        return parts.awsCheck().check(uuid);
    }

    /** ListTags on the mapping's ARN: its tags by key. */
    public SortedMap<String, String> mappingTags(String uuid) {
        return parts.mappings().tagging().list(mapping(uuid).eventSourceMappingArn());
    }

    /** TagResource on the mapping's ARN, with the API's limits and errors. */
    public void tagMapping(String uuid, Map<String, String> tags) {
        parts.mappings().tagging().tag(mapping(uuid).eventSourceMappingArn(), tags);
    }

    /** UntagResource on the mapping's ARN; keys it does not have are ignored, as on AWS. */
    public void untagMapping(String uuid, List<String> keys) {
        parts.mappings().tagging().untag(mapping(uuid).eventSourceMappingArn(), keys);
    }

    /** True while Create and Update refuse what AWS would reject (strict mode, {@code serve --strict-aws}). */
    public boolean strictAws() {
        return !parts.mappings().admitsEverything();
    }

    /** Turns strict mode on or off for this engine, from the next Create or Update on. */
    public void strictAws(boolean strict) {
        parts.mappings().admitWith(strict ? new StrictAwsAdmission(parts.awsCheck()) : MappingAdmission.NONE);
    }

    // ---- invocations

    /** The invocation history: table rows, one invocation in detail, the attempts of a batch. */
    public InvocationQueries invocations() {
        return invocations;
    }

    /** Sends a stored invocation's exact event to its function again, once, committing nothing; the new attempt. */
    public InvocationRecord replay(long invocationId) {
        return parts.replayer().replay(invocationId);
    }

    /**
     * Sends one record of a trigger's topic (read back by {@link #readRecords}) to the trigger's function as a
     * one-record event, once, committing nothing: a TriggerLab extra; the new history row.
     */
    public InvocationRecord sendRecordToFunction(String mappingUuid, StoredRecord record) {
        return parts.replayer().sendRecord(mappingUuid, record);
    }

    // ---- system logs

    /**
     * A trigger's system log events ({@code LoggingConfig}): after the query's event id, at its level and lower, oldest
     * first, each the JSON line AWS's poller writes. An unknown UUID is the API's {@code ResourceNotFoundException}.
     */
    public List<SystemLogEntry> systemLogs(SystemLogQuery query) {
        parts.mappings().get(query.mappingUuid());
        return parts.systemLogs().read(query);
    }

    // ---- metrics

    /** The latest sample of a running mapping, empty before its first one. */
    public Optional<MetricsSnapshot> latestMetrics(String uuid) {
        return parts.metrics().latest(uuid);
    }

    /** The counters since the mapping was created. */
    public CounterTotals counterTotals(String uuid) {
        return parts.metrics().totals(uuid);
    }

    /** A stored time series of one metric. */
    public MetricSeries metricSeries(MetricQuery query) {
        return parts.metrics().series(query);
    }

    /** The autoscaler's latest decisions for a mapping, newest first. */
    public List<ScalingDecision> scalingDecisions(String uuid, int limit) {
        return parts.metrics().scalingDecisions(uuid, limit);
    }

    // ---- functions and faults

    public List<FunctionDefinition> functions() {
        return parts.functions().list();
    }

    /** A function by name or ARN. */
    public Optional<FunctionDefinition> function(String nameOrArn) {
        return parts.functions().find(nameOrArn);
    }

    public FunctionDefinition registerFunction(FunctionDefinition function) {
        return parts.functions().register(function);
    }

    public FunctionDefinition updateFunction(FunctionDefinition function) {
        return parts.functions().update(function);
    }

    /**
     * What would keep a Lambda-runtime function from starting (code, interpreter, bootstrap), in words that name the
     * fix, as the API's {@code runtimeProblem}; empty when it can start or is not a runtime target.
     */
    public Optional<String> runtimeProblem(FunctionDefinition function) {
        return function.target() instanceof RuntimeTarget runtime
                ? RuntimePreflight.problem(function.name(), runtime) : Optional.empty();
    }

    /** Whether a function of that name was registered (and now is not). */
    public boolean removeFunction(String name) {
        return parts.functions().remove(name);
    }

    /** The armed fault of a function, if any (in memory only). */
    public Optional<FaultPlan> faultPlan(String functionName) {
        return parts.faults().plan(functionName);
    }

    /** The next {@code count} invocations of the function fail, throttle or time out as {@code kind} says. */
    public FaultPlan armFault(String functionName, FaultKind kind, int count) {
        return parts.faults().arm(functionName, kind, count);
    }

    /** Disarms a function's fault; what was armed, if anything. */
    public Optional<FaultPlan> clearFault(String functionName) {
        return parts.faults().clear(functionName);
    }

    // ---- SAM templates

    /** Reads a SAM / CloudFormation template; changes nothing ({@link TemplateImporter}). */
    public ImportPlan samPlan(Path template, Map<String, String> parameters) {
        return samTemplates.plan(template, parameters);
    }

    /** The template's MSK clusters the user must map to a registered cluster, given the answers so far. */
    public List<ClusterQuestion> samClusterQuestions(ImportPlan plan, ClusterChoice choice) {
        return samTemplates.questions(plan, choice);
    }

    /** Registers the plan's functions and creates or updates its triggers. */
    public ImportResult importSam(ImportPlan plan, ClusterChoice choice) {
        return samTemplates.apply(plan, choice);
    }

    // ---- clusters and topics

    public List<KafkaCluster> clusters() {
        return parts.clusters().list();
    }

    public KafkaCluster registerCluster(KafkaCluster cluster) {
        return parts.clusters().register(cluster);
    }

    /** Removes a registered cluster: never the sandbox, never one that MSK mappings still name. */
    public void removeCluster(String clusterArn) {
        clusterAdmin.remove(clusterArn);
    }

    /** Registers an MSK cluster as AWS describes it (GetBootstrapBrokers), under its ARN. */
    public KafkaCluster importMskCluster(String clusterArn, String region, String profile, URI endpoint) {
        return new MskClusterImporter(parts.clusters()).importCluster(clusterArn,
                new MskClusterImporter.MskAccess(region, profile, endpoint));
    }

    /** The topics of the cluster in use. */
    public ClusterTopics topics() {
        return topics;
    }

    /**
     * Reads records of a topic of the cluster in use back, without a consumer group and committing nothing: the
     * console's topic browser and the wizard's filter tester.
     */
    public List<StoredRecord> readRecords(RecordQuery query) {
        return new KafkaRecordReader(ClusterEndpoint.of(topics.bootstrapServers())).read(query);
    }

    /** For each record, whether these FilterCriteria patterns would send it to the function, judged as a poller does. */
    public List<Boolean> tryFilters(List<String> patterns, List<StoredRecord> records) {
        return FilterTrial.accepted(patterns, records);
    }

    /** Sends test records to the cluster in use. */
    public RecordSender recordSender() {
        return parts.producer()::send;
    }

    /** Registering schemas and encoding records with them: the producer's Avro, Protobuf and JSON Schema values. */
    public SchemaRecords schemaRecords() {
        return schemaRecords;
    }

    /** The secured sandbox's brokers and CA, when the engine runs one. */
    public Optional<SecuredSandboxView> securedSandbox() {
        return clusterAdmin.securedSandbox();
    }

    /** Creates a SCRAM-SHA-512 user on the secured sandbox; the ARN of the local secret holding its credentials. */
    public String createSandboxScramUser(String user, String password) {
        return clusterAdmin.createSandboxScramUser(user, password);
    }

    /**
     * Grants a secured-sandbox user the ACLs a trigger's poller needs on a topic and consumer group ({@code *} for
     * all), as an MSK cluster's administrator would; the ACLs granted, described.
     */
    public List<String> grantSandboxTriggerAccess(String user, String topic, String group) {
        return clusterAdmin.grantTriggerAccess(user, topic, group);
    }

    // ---- secrets and AWS settings

    public List<SecretMetadata> secrets() {
        return parts.vault().list();
    }

    public SecretMetadata putSecret(String secretArn, SecretValue value) {
        return parts.vault().put(secretArn, value);
    }

    public boolean removeSecret(String secretArn) {
        return parts.vault().remove(secretArn);
    }

    public SecretValue secretValue(String secretArn) {
        return parts.vault().secretValue(secretArn);
    }

    /** The named AWS profile of {@code aws.properties}, or {@code null} for the default credentials chain. */
    public String awsProfile() {
        return awsSettings.profile();
    }

    /** Whether Secrets Manager backs the local vault (read from {@code aws.properties} on each call). */
    public SecretsManagerView secretsManager() {
        return awsSettings.secretsManager();
    }

    /** Saves the Secrets Manager settings into {@code aws.properties}; the engine reads them when it next starts. */
    public void saveSecretsManager(SecretsManagerView settings) {
        awsSettings.saveSecretsManager(settings);
    }
}
