package io.triggerlab.engine.controlplane.sam;

import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.MappingLifecycle;
import io.triggerlab.engine.controlplane.mapping.MappingService;
import io.triggerlab.engine.controlplane.mapping.MappingState;
import io.triggerlab.engine.infra.cluster.BootstrapBrokers;
import io.triggerlab.engine.infra.cluster.ClusterRegistry;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.infra.store.Database;
import io.triggerlab.engine.infra.store.MappingRepository;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.FunctionRegistry;
import io.triggerlab.engine.invoke.function.LambdaRuntime;
import io.triggerlab.engine.invoke.function.RuntimeTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static io.triggerlab.engine.controlplane.sam.SamTemplateParserTest.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The importer against the real function registry, cluster registry and control plane over H2. */
class TemplateImporterTest {

    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "123456789012";

    private final Database database = Database.inMemory("sam-" + UUID.randomUUID());
    private final FunctionRegistry functions = new FunctionRegistry(database.dataSource());
    private final ClusterRegistry clusters = new ClusterRegistry(database.dataSource(), REGION, ACCOUNT);
    private final MappingService mappings = mappingService();
    private final TemplateImporter importer = new TemplateImporter(functions, mappings, clusters, REGION, ACCOUNT,
            FunctionTargetFactory.RUNTIME);
    private final KafkaCluster sandbox = clusters.registerSandbox("127.0.0.1:9092");

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void createsRuntimeFunctionsAndTriggersOnTheOnlyRegisteredCluster() {
        Path template = template("globals-params.yaml");
        ImportResult result = importer.importTemplate(template, Map.of(), ClusterChoice.NONE);

        assertThat(result.functions()).extracting(ImportResult.Action::name, ImportResult.Action::outcome)
                .containsExactly(tuple("OrdersFunction", ImportResult.Outcome.CREATED),
                        tuple("audit-dev", ImportResult.Outcome.CREATED));
        FunctionDefinition orders = functions.findByName("OrdersFunction").orElseThrow();
        assertThat(orders.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(orders.target()).isEqualTo(new RuntimeTarget(LambdaRuntime.PYTHON_3_12, "app.handler",
                template.getParent().resolve("src"), 256,
                Map.of("LOG_LEVEL", "INFO", "STAGE", "dev", "TABLE", "sam-orders-dev"), null));

        assertThat(result.triggers()).hasSize(1);
        EventSourceMapping trigger = mappings.get(result.triggers().get(0).name());
        assertThat(trigger.eventSourceArn()).isEqualTo(sandbox.clusterArn());
        assertThat(trigger.functionArn()).isEqualTo(orders.functionArn());
        assertThat(trigger.topic()).isEqualTo("orders");
        assertThat(trigger.batchSize()).isEqualTo(50);
        assertThat(trigger.consumerGroupId()).isEqualTo("dev-orders");
        assertThat(result.triggers().get(0).detail()).isEqualTo("OrdersFunction ← orders on cluster triggerlab-sandbox");
        assertThat(result.problems()).extracting(ImportProblem::resource).containsExactly("AuditFunction");
    }

    @Test
    void importingAgainUpdatesInPlace() {
        Path template = template("globals-params.yaml");
        String uuid = importer.importTemplate(template, Map.of(), ClusterChoice.NONE).triggers().get(0).name();

        ImportResult same = importer.importTemplate(template, Map.of(), ClusterChoice.NONE);
        assertThat(same.actions()).extracting(ImportResult.Action::outcome).containsOnly(ImportResult.Outcome.UNCHANGED);

        ImportResult changed = importer.importTemplate(template, Map.of("OrdersBatchSize", "75"), ClusterChoice.NONE);
        assertThat(changed.triggers()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo(uuid);
            assertThat(a.outcome()).isEqualTo(ImportResult.Outcome.UPDATED);
            assertThat(a.detail()).endsWith("(changed BatchSize)");
        });
        assertThat(mappings.get(uuid).batchSize()).isEqualTo(75);
        assertThat(mappings.all()).hasSize(1);
    }

    @Test
    void aChangedConsumerGroupIsReportedNotApplied() {
        Path template = template("globals-params.yaml");
        String uuid = importer.importTemplate(template, Map.of(), ClusterChoice.NONE).triggers().get(0).name();

        ImportResult result = importer.importTemplate(template, Map.of("Stage", "prod"), ClusterChoice.NONE);

        assertThat(result.problems()).extracting(ImportProblem::toString).contains(
                "OrdersFunction.Events.OrdersTopic (line 43): ConsumerGroupId cannot change on an existing trigger ("
                        + uuid + " uses dev-orders): AWS replaces the mapping for that; delete the trigger and import again");
        assertThat(mappings.get(uuid).consumerGroupId()).isEqualTo("dev-orders");
        assertThat(result.functions()).extracting(ImportResult.Action::name).contains("audit-prod");
    }

    @Test
    void aClusterOfTheSameNameIsChosenWithoutAsking() {
        KafkaCluster orders = clusters.register(new KafkaCluster(
                "arn:aws:kafka:us-east-1:123456789012:cluster/orders-cluster/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee-1",
                "orders-cluster", BootstrapBrokers.plaintextOnly("127.0.0.1:19092")));

        ImportResult result = importer.importTemplate(template("globals-params.yaml"), Map.of(), ClusterChoice.NONE);

        assertThat(mappings.get(result.triggers().get(0).name()).eventSourceArn()).isEqualTo(orders.clusterArn());
    }

    @Test
    void anAmbiguousClusterIsAskedAndNothingIsChanged() {
        clusters.register(new KafkaCluster(
                "arn:aws:kafka:us-east-1:123456789012:cluster/staging/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee-1",
                "staging", BootstrapBrokers.plaintextOnly("127.0.0.1:19092")));
        Path template = template("globals-params.yaml");

        assertThatThrownBy(() -> importer.importTemplate(template, Map.of(), ClusterChoice.NONE))
                .isInstanceOf(AmbiguousClusterException.class)
                .hasMessage("the template's MSK cluster arn:aws:kafka:eu-west-1:111122223333:cluster/orders-cluster/"
                        + "6d3f5c1e-1111-2222-3333-444455556666-2 could be any of staging, triggerlab-sandbox: choose with "
                        + "--cluster NAME (every cluster of the template) or --cluster TEMPLATE_ARN=NAME");
        assertThat(functions.list()).isEmpty();

        ImportResult result = importer.importTemplate(template, Map.of(), ClusterChoice.parse(List.of("triggerlab-sandbox")));
        assertThat(mappings.get(result.triggers().get(0).name()).eventSourceArn()).isEqualTo(sandbox.clusterArn());
    }

    @Test
    void selfManagedAndMskTriggersOfOneFunction() {
        ImportResult result = importer.importTemplate(template("both-events.yaml"), Map.of(), ClusterChoice.NONE);

        assertThat(result.triggers()).extracting(ImportResult.Action::resource, ImportResult.Action::outcome)
                .containsExactly(tuple("Ledger.Events.FromMsk", ImportResult.Outcome.CREATED),
                        tuple("Ledger.Events.FromSelfManaged", ImportResult.Outcome.CREATED));
        EventSourceMapping selfManaged = mappings.get(result.triggers().get(1).name());
        assertThat(selfManaged.isMsk()).isFalse();
        assertThat(selfManaged.eventSourceKey()).isEqualTo("broker-1.example.com:9092,broker-2.example.com:9092");
        assertThat(selfManaged.reportsBatchItemFailures()).isTrue();
        EventSourceMapping msk = mappings.get(result.triggers().get(0).name());
        assertThat(msk.provisionedPollerConfig().minimumPollers()).isEqualTo(2);
        assertThat(functions.findByName("Ledger").orElseThrow().target()).isInstanceOf(RuntimeTarget.class);

        ImportResult again = importer.importTemplate(template("both-events.yaml"), Map.of(), ClusterChoice.NONE);
        assertThat(again.actions()).extracting(ImportResult.Action::outcome).containsOnly(ImportResult.Outcome.UNCHANGED);
    }

    @Test
    void whatTheControlPlaneRefusesIsAProblemOfItsResource() {
        ImportResult result = importer.importTemplate(template("esm-resource.json"), Map.of("Topic", "jobs"),
                ClusterChoice.NONE);

        assertThat(result.functions()).extracting(ImportResult.Action::name).containsExactly("worker");
        assertThat(result.triggers()).singleElement().satisfies(a -> {
            EventSourceMapping m = mappings.get(a.name());
            assertThat(m.enabled()).isFalse();
            assertThat(m.destinationConfig().onFailureDestination()).isEqualTo("kafka://jobs-dlq");
        });

        // A second template naming the same consumer group for another topic: refused by the control plane.
        ImportResult clash = importer.importTemplate(template("esm-resource.json"), Map.of("Topic", "jobs-2"),
                ClusterChoice.NONE);
        assertThat(clash.problems()).extracting(ImportProblem::toString)
                .anyMatch(p -> p.startsWith("WorkerTrigger (line 23): ConsumerGroupId workers is already used"));
    }

    private MappingService mappingService() {
        AtomicReference<MappingService> self = new AtomicReference<>();
        // Stands in for the poller runtime: a created or updated mapping settles at once.
        MappingLifecycle settle = new MappingLifecycle() {
            @Override
            public void created(EventSourceMapping m) {
                self.get().markState(m.uuid(), m.enabled() ? MappingState.ENABLED : MappingState.DISABLED, "USER_INITIATED");
            }

            @Override
            public void updated(EventSourceMapping before, EventSourceMapping after) {
                created(after);
            }
        };
        MappingService service = new MappingService(new MappingRepository(database.dataSource()), functions, clusters,
                Clock.systemUTC(), REGION, ACCOUNT, settle);
        self.set(service);
        return service;
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
