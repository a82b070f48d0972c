package io.triggerlab.console.wizard;

import io.triggerlab.console.QueuedExecutor;
import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.infra.cluster.BootstrapBrokers;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.infra.cluster.StoredRecord;
import io.triggerlab.engine.infra.cluster.TopicInfo;
import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.InvalidParameterValueException;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.controlplane.mapping.MappingValidator;
import io.triggerlab.engine.controlplane.mapping.StartingPosition;
import io.triggerlab.engine.controlplane.mapping.UpdateEventSourceMappingRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The wizard's ViewModel without the FX toolkit, validated by the engine's real {@link MappingValidator}. */
class TriggerWizardViewModelTest {

    private static final Instant NOW = Instant.parse("2026-01-31T12:00:00Z");
    private static final String SANDBOX_ARN = "arn:aws:kafka:us-east-1:000000000000:cluster/triggerlab-sandbox/abc-1";
    private static final String SCRAM_SECRET = "arn:aws:secretsmanager:us-east-1:000000000000:secret:AmazonMSK_scram";
    private static final String OTHER_ARN = "arn:aws:kafka:us-east-1:000000000000:cluster/analytics/def-2";

    private final QueuedExecutor background = new QueuedExecutor();
    private final FakeBackend backend = new FakeBackend();
    private final TriggerWizardViewModel vm = new TriggerWizardViewModel(backend,
            new MappingValidator(Clock.fixed(NOW, ZoneOffset.UTC)), new BackgroundWork(background, Runnable::run),
            ZoneOffset.UTC);

    @BeforeEach
    void open() {
        vm.load();
        background.runAll();
    }

    private void walkTo(WizardStep step) {
        while (vm.stepProperty().get() != step) {
            assertThat(vm.canGoNext()).as("Next on %s: %s", vm.stepProperty().get(), vm.stepErrorProperty().get()).isTrue();
            vm.next();
        }
    }

    @Test
    void startsWithTheLambdaConsolesDefaults_andTheSandboxClusterFirst() {
        assertThat(vm.stepProperty().get()).isEqualTo(WizardStep.TRIGGER_TYPE);
        assertThat(vm.typeProperty().get()).isEqualTo(TriggerType.MSK);
        assertThat(vm.clusters()).extracting(ClusterChoice::clusterArn).containsExactly(SANDBOX_ARN, OTHER_ARN);
        assertThat(vm.clusterProperty().get().clusterArn()).isEqualTo(SANDBOX_ARN);
        assertThat(vm.batchSizeProperty().get()).isEqualTo("100");
        assertThat(vm.batchingWindowProperty().get()).isEmpty();
        assertThat(vm.startingPositionProperty().get()).isEqualTo(StartingPosition.LATEST);
        assertThat(vm.enabledProperty().get()).isTrue();
        assertThat(vm.topicSuggestions()).containsExactly("orders", "payments");
        assertThat(vm.bootstrapServersProperty().get()).isEqualTo("127.0.0.1:9092");
        assertThat(vm.functions()).containsExactly("order-fn");
        assertThat(vm.functionNameProperty().get()).as("the only function is chosen").isEqualTo("order-fn");
        assertThat(vm.stepErrorProperty().get()).isEmpty();
    }

    @Test
    void batchSizeOutOfRange_showsTheApisMessage_andBlocksNext() {
        walkTo(WizardStep.BATCH_SIZE);

        vm.batchSizeProperty().set("20000");

        assertThat(vm.stepErrorProperty().get()).isEqualTo("Batch size must be a whole number of records, 1 to 10,000.");
        assertThat(vm.stepErrorDetailProperty().get()).isEqualTo("1 validation error detected: Value '20000' at "
                + "'batchSize' failed to satisfy constraint: Member must have value less than or equal to 10000");
        assertThat(vm.canGoNext()).isFalse();
        vm.batchSizeProperty().set("abc");
        assertThat(vm.stepErrorDetailProperty().get())
                .isEqualTo("BatchSize 'abc' is not a whole number: give 1..10000 records (default 100)");
        vm.batchSizeProperty().set("250");
        assertThat(vm.stepErrorProperty().get()).isEmpty();
        assertThat(vm.canGoNext()).isTrue();
    }

    @Test
    void laterStepsDoNotComplainEarly_anEmptyTopicIsReportedOnTheTopicStep() {
        vm.functionNameProperty().set("");
        walkTo(WizardStep.BATCH_WINDOW);
        assertThat(vm.stepErrorProperty().get()).as("the function is asked for later").isEmpty();

        vm.next();

        assertThat(vm.stepProperty().get()).isEqualTo(WizardStep.TOPIC);
        assertThat(vm.stepErrorProperty().get()).as("nothing typed yet: no complaint").isEmpty();
        vm.next();
        assertThat(vm.stepProperty().get()).as("Next shows the problem instead").isEqualTo(WizardStep.TOPIC);
        assertThat(vm.stepErrorProperty().get()).isEqualTo("Enter the one topic the trigger reads.");
        assertThat(vm.stepErrorDetailProperty().get())
                .isEqualTo("Topics is required for a Kafka event source: give exactly one topic name");
        vm.topicProperty().set("orders");
        assertThat(vm.stepErrorProperty().get()).isEmpty();
        assertThat(vm.topicNoteProperty().get()).isEqualTo("Topic orders has 3 partitions.");
        vm.topicProperty().set("new-topic");
        assertThat(vm.topicNoteProperty().get()).startsWith("Topic new-topic is not on the cluster in use yet");
    }

    @Test
    void atTimestamp_inTheFuture_isRefusedWithTheApisRule_andANonTimeIsExplained() {
        vm.topicProperty().set("orders");
        walkTo(WizardStep.STARTING_POSITION);
        vm.startingPositionProperty().set(StartingPosition.AT_TIMESTAMP);

        vm.startingTimestampProperty().set("yesterday");
        assertThat(vm.stepErrorDetailProperty().get()).startsWith("StartingPositionTimestamp 'yesterday' is not a time: "
                + "use yyyy-MM-dd HH:mm:ss");
        assertThat(vm.stepErrorProperty().get()).startsWith("Choose a date and time with the date picker");
        vm.startingTimestampProperty().set("2026-02-01 00:00:00");
        assertThat(vm.stepErrorDetailProperty().get()).startsWith("StartingPositionTimestamp").contains("future");
        assertThat(vm.stepErrorProperty().get()).isEqualTo("Choose a start time that has already passed.");
        vm.startingTimestampProperty().set("2026-01-30 08:00:00");
        assertThat(vm.stepErrorProperty().get()).isEmpty();
    }

    @Test
    void create_sendsTheFormAsCreateEventSourceMapping_andPublishesTheResult() {
        vm.batchSizeProperty().set("10");
        vm.batchingWindowProperty().set("0");
        vm.topicProperty().set(" orders ");
        vm.consumerGroupIdProperty().set("orders-readers");
        vm.startingPositionProperty().set(StartingPosition.TRIM_HORIZON);
        vm.enabledProperty().set(false);
        walkTo(WizardStep.ENABLE);

        vm.submit();
        assertThat(vm.busyProperty().get()).isTrue();
        background.runAll();

        CreateEventSourceMappingRequest sent = backend.created.get(0);
        assertThat(sent.eventSourceArn()).isEqualTo(SANDBOX_ARN);
        assertThat(sent.topics()).containsExactly("orders");
        assertThat(sent.batchSize()).isEqualTo(10);
        assertThat(sent.maximumBatchingWindowInSeconds()).isZero();
        assertThat(sent.startingPosition()).isEqualTo("TRIM_HORIZON");
        assertThat(sent.functionName()).isEqualTo("order-fn");
        assertThat(sent.enabled()).isFalse();
        assertThat(sent.amazonManagedKafkaEventSourceConfig().consumerGroupId()).isEqualTo("orders-readers");
        assertThat(vm.savedProperty().get().uuid()).isEqualTo(FakeBackend.UUID);
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void selfManaged_sendsTheBootstrapServers_insteadOfAnArn() {
        vm.typeProperty().set(TriggerType.SELF_MANAGED);
        vm.bootstrapServersProperty().set("b1:9092, b2:9092");
        vm.topicProperty().set("orders");
        walkTo(WizardStep.ENABLE);

        vm.submit();
        background.runAll();

        CreateEventSourceMappingRequest sent = backend.created.get(0);
        assertThat(sent.eventSourceArn()).isNull();
        assertThat(sent.selfManagedEventSource().bootstrapServers()).containsExactly("b1:9092", "b2:9092");
    }

    @Test
    void theEnginesRefusal_isShownAsItIs_andTheWizardGoesToTheStepItIsAbout() {
        backend.refuseWith = new InvalidParameterValueException("Function does not exist");
        vm.topicProperty().set("orders");
        walkTo(WizardStep.ENABLE);

        vm.submit();
        background.runAll();

        assertThat(vm.submitErrorProperty().get()).isEqualTo("Function does not exist");
        assertThat(vm.stepProperty().get()).isEqualTo(WizardStep.FUNCTION);
        assertThat(vm.savedProperty().get()).isNull();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void editing_locksCreateOnlyFields_andSendsOnlyWhatChanged() {
        EventSourceMapping existing = FakeBackend.mapping(30, 5, true);
        vm.edit(existing);

        assertThat(vm.editingProperty().get()).isTrue();
        assertThat(vm.titleProperty().get()).isEqualTo("Edit trigger");
        assertThat(vm.stepProperty().get()).isEqualTo(WizardStep.BATCH_SIZE);
        assertThat(vm.topicProperty().get()).isEqualTo("orders");
        vm.batchSizeProperty().set("500");
        vm.enabledProperty().set(false);

        vm.submit();
        background.runAll();

        UpdateEventSourceMappingRequest sent = backend.updated.get(0);
        assertThat(sent.batchSize()).isEqualTo(500);
        assertThat(sent.enabled()).isFalse();
        assertThat(sent.maximumBatchingWindowInSeconds()).as("unchanged").isNull();
        assertThat(sent.functionName()).as("unchanged").isNull();
        assertThat(sent.topics()).as("create-only").isNull();
    }

    @Test
    void editing_cannotGoBackToThe500msDefault_onceSecondsWereSet() {
        vm.edit(FakeBackend.mapping(100, 5, true));

        vm.batchingWindowProperty().set("");

        assertThat(vm.stepErrorDetailProperty().get()).startsWith("MaximumBatchingWindowInSeconds cannot go back to the "
                + "500 ms default once it was set");
    }

    @Test
    void aFunctionRegisteredInline_isListedAndChosen() {
        vm.functionRegistered("new-fn");

        assertThat(vm.functions()).containsExactly("new-fn", "order-fn");
        assertThat(vm.functionNameProperty().get()).isEqualTo("new-fn");
    }

    @Test
    void authentication_offersWhatAwsAllowsPerSource_andSendsTheSecret() {
        assertThat(vm.authMethods()).containsExactly(AuthMethod.NONE, AuthMethod.IAM, AuthMethod.SASL_SCRAM_512,
                AuthMethod.MTLS);
        vm.topicProperty().set("orders");
        walkTo(WizardStep.AUTHENTICATION);
        vm.authMethodProperty().set(AuthMethod.SASL_SCRAM_512);
        assertThat(vm.stepErrorProperty().get()).startsWith("Choose the secret for SASL/SCRAM-512");
        vm.secretCreated(SCRAM_SECRET, false);
        assertThat(vm.stepErrorProperty().get()).isEmpty();

        vm.typeProperty().set(TriggerType.SELF_MANAGED);
        assertThat(vm.authMethods()).containsExactly(AuthMethod.NONE, AuthMethod.SASL_SCRAM_512,
                AuthMethod.SASL_SCRAM_256, AuthMethod.BASIC_AUTH, AuthMethod.MTLS);
        vm.typeProperty().set(TriggerType.MSK);
        vm.authMethodProperty().set(AuthMethod.SASL_SCRAM_512);
        walkTo(WizardStep.REVIEW);
        vm.submit();
        background.runAll();

        assertThat(backend.created.get(0).sourceAccessConfigurations()).singleElement()
                .satisfies(sac -> assertThat(sac.type() + " " + sac.uri()).isEqualTo("SASL_SCRAM_512_AUTH " + SCRAM_SECRET));
    }

    @Test
    void additionalSettings_goIntoTheRequest_andTheReviewShowsItAsJsonAndAwsCli() {
        vm.topicProperty().set("orders");
        AdditionalSettingsForm more = vm.additional();
        more.retriesProperty().set("2");
        more.recordAgeProperty().set("3600");
        more.bisectProperty().set(true);
        more.reportBatchItemFailuresProperty().set(true);
        more.filtersProperty().set("{\"value\":{\"status\":[\"paid\"]}}\n");
        more.onFailureDestinationProperty().set("kafka://orders-dlq");
        more.pollers().fill(true, "1", "3", "orders-group");
        more.tagsProperty().set("team=payments");
        walkTo(WizardStep.REVIEW);

        assertThat(vm.reviewJsonProperty().get()).contains("\"MaximumRetryAttempts\" : 2",
                "\"BisectBatchOnFunctionError\" : true", "\"FunctionResponseTypes\" : [ \"ReportBatchItemFailures\" ]",
                "\"Pattern\" : \"{\\\"value\\\":{\\\"status\\\":[\\\"paid\\\"]}}\"",
                "\"Destination\" : \"kafka://orders-dlq\"", "\"MaximumPollers\" : 3",
                "\"PollerGroupName\" : \"orders-group\"", "\"team\" : \"payments\"");
        assertThat(vm.reviewCliProperty().get()).startsWith("aws lambda create-event-source-mapping \\\n"
                + "  --endpoint-url http://127.0.0.1:9001 \\\n  --function-name order-fn \\\n  --event-source-arn "
                + SANDBOX_ARN).contains("--topics orders", "--maximum-retry-attempts 2", "--bisect-batch-on-function-error",
                "--filter-criteria '{\"Filters\":[{\"Pattern\":", "--enabled");

        vm.submit();
        background.runAll();
        CreateEventSourceMappingRequest sent = backend.created.get(0);
        assertThat(sent.maximumRetryAttempts()).isEqualTo(2);
        assertThat(sent.maximumRecordAgeInSeconds()).isEqualTo(3600);
        assertThat(sent.filterCriteria().filters()).hasSize(1);
        assertThat(sent.destinationConfig().onFailureDestination()).isEqualTo("kafka://orders-dlq");
        assertThat(sent.provisionedPollerConfig().maximumPollers()).isEqualTo(3);
        assertThat(sent.provisionedPollerConfig().pollerGroupName()).isEqualTo("orders-group");
        assertThat(sent.tags()).containsEntry("team", "payments");
    }

    @Test
    void schemaRegistrySettings_goIntoTheKafkaConfig_andABadOneGetsTheApisMessage() {
        vm.topicProperty().set("orders");
        SchemaRegistryForm registry = vm.additional().schemaRegistry();
        registry.enabledProperty().set(true);
        registry.uriProperty().set("http://127.0.0.1:8081");
        registry.formatProperty().set("SOURCE");
        registry.validateKeyProperty().set(true);
        registry.authTypeProperty().set("BASIC_AUTH");
        registry.authSecretProperty().set(SCRAM_SECRET);
        vm.additional().pollers().provisionedProperty().set(true);
        walkTo(WizardStep.REVIEW);

        assertThat(vm.reviewJsonProperty().get()).contains("\"AmazonManagedKafkaEventSourceConfig\" : {",
                "\"SchemaRegistryURI\" : \"http://127.0.0.1:8081\"", "\"EventRecordFormat\" : \"SOURCE\"",
                "\"Type\" : \"BASIC_AUTH\"", "{\n        \"Attribute\" : \"KEY\"\n      }, {\n        \"Attribute\" : \"VALUE\"");
        assertThat(vm.reviewCliProperty().get()).contains("--amazon-managed-kafka-event-source-config '{\"SchemaRegistryConfig\"");
        vm.submit();
        background.runAll();
        var sent = backend.created.get(0).amazonManagedKafkaEventSourceConfig().schemaRegistryConfig();
        assertThat(sent.schemaRegistryUri()).isEqualTo("http://127.0.0.1:8081");
        assertThat(sent.eventRecordFormat()).isEqualTo("SOURCE");
        assertThat(sent.accessConfigs()).extracting(a -> a.type() + " " + a.uri())
                .containsExactly("BASIC_AUTH " + SCRAM_SECRET);
        assertThat(sent.schemaValidationConfigs()).extracting(v -> v.attribute()).containsExactly("KEY", "VALUE");
    }

    @Test
    void aSchemaRegistryUriAwsRefuses_isShownWithTheApisWords_onAdditionalSettings() {
        vm.topicProperty().set("orders");
        walkTo(WizardStep.ADDITIONAL);
        SchemaRegistryForm registry = vm.additional().schemaRegistry();
        registry.enabledProperty().set(true);
        registry.uriProperty().set("http://registry with spaces");

        assertThat(vm.canGoNext()).isFalse();
        assertThat(vm.stepErrorProperty().get()).startsWith("The schema registry settings are not accepted");
        assertThat(vm.stepErrorDetailProperty().get()).contains("schemaRegistryConfig.schemaRegistryURI")
                .contains("failed to satisfy constraint");

        registry.uriProperty().set("");
        assertThat(vm.stepErrorDetailProperty().get()).contains("schemaRegistryConfig.schemaRegistryURI")
                .contains("must not be null");
        registry.uriProperty().set("http://127.0.0.1:8081");
        registry.authTypeProperty().set("BASIC_AUTH");
        assertThat(vm.stepErrorProperty().get()).isEqualTo("Choose the secret holding the registry's BASIC_AUTH "
                + "credentials.");
        registry.enabledProperty().set(false);
        assertThat(vm.canGoNext()).isTrue();
    }

    @Test
    void filterTester_judgesTheTopicsNewestRecords_asAPollerWould() {
        vm.topicProperty().set("orders");
        vm.additional().filtersProperty().set("{\"value\":{\"status\":[\"paid\"]}}");

        vm.testFilters();
        background.runAll();

        assertThat(vm.filterTester().summaryProperty().get()).startsWith("1 of the 2 newest records of orders would "
                + "reach the function");
        assertThat(vm.filterTester().lines()).containsExactly("✓ sent     orders-0@2  {\"status\":\"paid\"}",
                "✗ filtered orders-0@1  {\"status\":\"open\"}");
    }

    @Test
    void editing_offersTheAdditionalSettings_andSendsOnlyTheirChanges() {
        vm.edit(FakeBackend.mapping(100, 5, true));
        assertThat(vm.additional().retriesProperty().get()).as("-1 is shown as the default").isEmpty();

        vm.additional().retriesProperty().set("3");
        vm.additional().onFailureDestinationProperty().set("kafka://dlq");
        vm.submit();
        background.runAll();

        UpdateEventSourceMappingRequest sent = backend.updated.get(0);
        assertThat(sent.maximumRetryAttempts()).isEqualTo(3);
        assertThat(sent.destinationConfig().onFailureDestination()).isEqualTo("kafka://dlq");
        assertThat(sent.maximumRecordAgeInSeconds()).as("unchanged").isNull();
        assertThat(sent.filterCriteria()).as("unchanged").isNull();
        assertThat(sent.sourceAccessConfigurations()).as("unchanged").isNull();
    }

    @Test
    void messagesMapToTheirSteps() {
        assertThat(WizardStep.ofMessage("Value '0' at 'batchSize' failed")).isEqualTo(WizardStep.BATCH_SIZE);
        assertThat(WizardStep.ofMessage("Value '400' at 'maximumBatchingWindowInSeconds'")).isEqualTo(WizardStep.BATCH_WINDOW);
        assertThat(WizardStep.ofMessage("Cluster not found: arn:…")).isEqualTo(WizardStep.CLUSTER);
        assertThat(WizardStep.ofMessage("An event source mapping with event source arn (\"x\"), function (\"f\") and "
                + "topics (\"t\") already exists.")).isNull();
    }

    private static final class FakeBackend implements WizardBackend {
        static final String UUID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
        final List<CreateEventSourceMappingRequest> created = new ArrayList<>();
        final List<UpdateEventSourceMappingRequest> updated = new ArrayList<>();
        RuntimeException refuseWith;

        static EventSourceMapping mapping(int batchSize, Integer window, boolean enabled) {
            return EventSourceMapping.builder().uuid(UUID)
                    .functionArn("arn:aws:lambda:us-east-1:000000000000:function:order-fn")
                    .eventSourceArn(SANDBOX_ARN).topics(List.of("orders"))
                    .startingPosition(StartingPosition.LATEST).batchSize(batchSize)
                    .maximumBatchingWindowInSeconds(window).enabled(enabled).state(MappingState.ENABLED)
                    .lastModified(NOW).eventSourceMappingArn("arn:aws:lambda:us-east-1:000000000000:event-source-mapping:" + UUID)
                    .build();
        }

        @Override
        public List<KafkaCluster> clusters() {
            return List.of(new KafkaCluster(OTHER_ARN, "analytics", BootstrapBrokers.plaintextOnly("a:9092")),
                    new KafkaCluster(SANDBOX_ARN, "triggerlab-sandbox", BootstrapBrokers.plaintextOnly("127.0.0.1:9092")));
        }

        @Override
        public List<FunctionDefinition> functions() {
            return List.of(new FunctionDefinition("order-fn", new CommandTarget(List.of("cat"), null, Map.of()), null,
                    "us-east-1", "000000000000"));
        }

        @Override
        public List<TopicInfo> topics() {
            return List.of(new TopicInfo("orders", 3), new TopicInfo("payments", 1));
        }

        @Override
        public String clusterInUseBootstrap() {
            return "127.0.0.1:9092";
        }

        @Override
        public List<String> secretArns() {
            return List.of(SCRAM_SECRET);
        }

        @Override
        public List<StoredRecord> newestRecords(String topic, int limit) {
            return List.of(stored(2, "{\"status\":\"paid\"}"), stored(1, "{\"status\":\"open\"}"));
        }

        private static StoredRecord stored(long offset, String value) {
            return new StoredRecord("orders", 0, offset, NOW, "CREATE_TIME", null,
                    value.getBytes(java.nio.charset.StandardCharsets.UTF_8), List.of());
        }

        @Override
        public List<Boolean> tryFilters(List<String> patterns, List<StoredRecord> records) {
            return io.triggerlab.engine.runtime.filter.FilterTrial.accepted(patterns, records);
        }

        @Override
        public String apiEndpoint() {
            return "http://127.0.0.1:9001";
        }

        @Override
        public EventSourceMapping create(CreateEventSourceMappingRequest request) {
            if (refuseWith != null) {
                throw refuseWith;
            }
            created.add(request);
            return mapping(100, null, true);
        }

        @Override
        public EventSourceMapping update(String uuid, UpdateEventSourceMappingRequest request) {
            updated.add(request);
            return mapping(100, null, true);
        }
    }
}
