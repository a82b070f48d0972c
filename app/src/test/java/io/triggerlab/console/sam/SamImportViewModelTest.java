package io.triggerlab.console.sam;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.controlplane.mapping.MappingLifecycle;
import io.triggerlab.engine.controlplane.mapping.MappingService;
import io.triggerlab.engine.controlplane.sam.ClusterChoice;
import io.triggerlab.engine.controlplane.sam.ClusterQuestion;
import io.triggerlab.engine.controlplane.sam.FunctionTargetFactory;
import io.triggerlab.engine.controlplane.sam.ImportPlan;
import io.triggerlab.engine.controlplane.sam.ImportResult;
import io.triggerlab.engine.controlplane.sam.TemplateImporter;
import io.triggerlab.engine.infra.cluster.BootstrapBrokers;
import io.triggerlab.engine.infra.cluster.ClusterRegistry;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.infra.store.Database;
import io.triggerlab.engine.infra.store.MappingRepository;
import io.triggerlab.engine.invoke.function.FunctionRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The File › Open SAM template… flow against the engine's real importer, registries and control plane (H2). */
class SamImportViewModelTest {

    private static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: src/
                  Layers: [arn:aws:lambda:us-east-1:123456789012:layer:shared:1]
                  Events:
                    Topic:
                      Type: MSK
                      Properties:
                        Stream: arn:aws:kafka:eu-west-1:111122223333:cluster/prod/00000000-0000-0000-0000-000000000000-1
                        Topics: [orders]
                        StartingPosition: LATEST
            """;

    private final Database database = Database.inMemory("sam-vm-" + UUID.randomUUID());
    private final FunctionRegistry functions = new FunctionRegistry(database.dataSource());
    private final ClusterRegistry clusters = new ClusterRegistry(database.dataSource(), "us-east-1", "123456789012");
    private final MappingService mappings = new MappingService(new MappingRepository(database.dataSource()), functions,
            clusters, Clock.systemUTC(), "us-east-1", "123456789012", MappingLifecycle.NONE);
    private final TemplateImporter importer = new TemplateImporter(functions, mappings, clusters, "us-east-1",
            "123456789012", FunctionTargetFactory.RUNTIME);
    private final SamImportViewModel vm = new SamImportViewModel(new SamImportBackend() {
        @Override
        public ImportPlan plan(Path template, Map<String, String> parameters) {
            return importer.plan(template, parameters);
        }

        @Override
        public List<ClusterQuestion> questions(ImportPlan plan, ClusterChoice choice) {
            return importer.questions(plan, choice);
        }

        @Override
        public ImportResult apply(ImportPlan plan, ClusterChoice choice) {
            return importer.apply(plan, choice);
        }
    }, new BackgroundWork(Runnable::run, Runnable::run));

    @TempDir
    Path project;

    @org.junit.jupiter.api.BeforeEach
    void code() throws IOException {
        Files.createDirectories(project.resolve("src"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void withOneClusterItImportsAtOnceAndListsWhatCouldNotBeMapped() throws IOException {
        clusters.registerSandbox("127.0.0.1:9092");

        vm.open(Files.writeString(project.resolve("template.yaml"), TEMPLATE));

        assertThat(vm.questions()).isEmpty();
        assertThat(vm.doneProperty().get()).isTrue();
        assertThat(vm.imported()).containsExactly(
                "Created function Orders: python3.12 app.handler in " + project.resolve("src"),
                "Created trigger Orders.Events.Topic: Orders ← orders on cluster triggerlab-sandbox");
        assertThat(vm.notImported()).containsExactly("Orders (line 9): Layers are not mapped: the function is imported "
                + "without them; put what it needs from them in its code directory");
        assertThat(mappings.all()).hasSize(1);
    }

    @Test
    void withSeveralClustersItAsksAndImportsOnTheChosenOne() throws IOException {
        clusters.registerSandbox("127.0.0.1:9092");
        KafkaCluster staging = clusters.register(new KafkaCluster(
                "arn:aws:kafka:us-east-1:123456789012:cluster/staging/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee-1", "staging",
                BootstrapBrokers.plaintextOnly("127.0.0.1:19092")));

        vm.open(Files.writeString(project.resolve("template.yaml"), TEMPLATE));

        assertThat(vm.doneProperty().get()).isFalse();
        assertThat(vm.questions()).singleElement().satisfies(q -> {
            assertThat(q.templateArn()).contains("cluster/prod/");
            assertThat(q.candidates()).containsExactly("staging", "triggerlab-sandbox");
        });
        assertThat(functions.list()).isEmpty();

        vm.answer(Map.of(vm.questions().get(0).templateArn(), "staging"));

        assertThat(vm.doneProperty().get()).isTrue();
        assertThat(mappings.all()).singleElement().satisfies(m -> assertThat(m.eventSourceArn())
                .isEqualTo(staging.clusterArn()));
    }

    @Test
    void withNoClusterRegisteredItSaysSoInsteadOfAsking() throws IOException {
        vm.open(Files.writeString(project.resolve("template.yaml"), TEMPLATE));

        assertThat(vm.questions()).isEmpty();
        assertThat(vm.errorProperty().get()).startsWith("The template names the MSK cluster arn:aws:kafka:eu-west-1:111122223333:cluster/prod/")
                .endsWith("register the cluster in Settings › Clusters");
        assertThat(functions.list()).isEmpty();
    }

    @Test
    void anUnreadableTemplateShowsItsLine() throws IOException {
        vm.open(Files.writeString(project.resolve("template.yaml"), "Resources:\n  A: [\n"));

        assertThat(vm.errorProperty().get()).startsWith("template.yaml line 3: not valid YAML");
        assertThat(vm.busyProperty().get()).isFalse();
    }
}
