package io.triggerlab.engine.controlplane.sam;

import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.FilterCriteria;
import io.triggerlab.engine.controlplane.mapping.ProvisionedPollerConfig;
import io.triggerlab.engine.controlplane.mapping.SchemaRegistryConfig;
import io.triggerlab.engine.controlplane.mapping.SourceAccessConfiguration;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SamTemplateParserTest {

    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "123456789012";

    private final SamTemplateParser parser = new SamTemplateParser(REGION, ACCOUNT);

    @Test
    void globalsParametersConditionsAndShortFormIntrinsics() {
        Path template = template("globals-params.yaml");
        ImportPlan plan = parser.parse(template, Map.of());

        assertThat(plan.functions()).hasSize(2);
        ImportedFunction orders = plan.functions().get(0);
        assertThat(orders.name()).isEqualTo("OrdersFunction");
        assertThat(orders.runtime()).isEqualTo("python3.12");
        assertThat(orders.handler()).isEqualTo("app.handler");
        assertThat(orders.code()).isEqualTo(template.getParent().resolve("src"));
        assertThat(orders.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(orders.memorySize()).isEqualTo(256);
        assertThat(orders.environment()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "LOG_LEVEL", "INFO", "STAGE", "dev", "TABLE", "sam-orders-dev"));
        ImportedFunction audit = plan.functions().get(1);
        assertThat(audit.name()).isEqualTo("audit-dev");
        assertThat(audit.timeout()).isEqualTo(Duration.ofSeconds(10));

        assertThat(plan.triggers()).hasSize(1);
        ImportedTrigger trigger = plan.triggers().get(0);
        assertThat(trigger.resource()).isEqualTo("OrdersFunction.Events.OrdersTopic");
        assertThat(trigger.line()).isEqualTo(43);
        CreateEventSourceMappingRequest r = trigger.request();
        assertThat(r.functionName()).isEqualTo("OrdersFunction");
        assertThat(r.eventSourceArn()).isEqualTo(
                "arn:aws:kafka:eu-west-1:111122223333:cluster/orders-cluster/6d3f5c1e-1111-2222-3333-444455556666-2");
        assertThat(r.topics()).containsExactly("orders");
        assertThat(r.startingPosition()).isEqualTo("TRIM_HORIZON");
        assertThat(r.batchSize()).isEqualTo(50);
        assertThat(r.maximumBatchingWindowInSeconds()).isEqualTo(2);
        assertThat(r.amazonManagedKafkaEventSourceConfig().consumerGroupId()).isEqualTo("dev-orders");
        assertThat(r.filterCriteria()).isEqualTo(FilterCriteria.of("{\"value\": {\"type\": [\"order\"]}}"));
        assertThat(r.destinationConfig().onFailureDestination()).isEqualTo("arn:aws:sqs:us-east-1:123456789012:DeadLetters");

        assertThat(plan.problems()).extracting(ImportProblem::toString).containsExactly(
                "AuditFunction (line 68): Layers are not mapped: the function is imported without them; put what it "
                        + "needs from them in its code directory");
    }

    @Test
    void parameterOverridesChangeValuesAndConditions() {
        ImportPlan plan = parser.parse(template("globals-params.yaml"),
                Map.of("Stage", "prod", "TopicName", "orders-v2"));

        CreateEventSourceMappingRequest r = plan.triggers().get(0).request();
        assertThat(r.topics()).containsExactly("orders-v2");
        assertThat(r.batchSize()).isEqualTo(500);
        assertThat(r.amazonManagedKafkaEventSourceConfig().consumerGroupId()).isEqualTo("prod-orders");
        assertThat(plan.functions().get(1).name()).isEqualTo("audit-prod");
    }

    @Test
    void anOverrideNamingNoParameterIsReported() {
        ImportPlan plan = parser.parse(template("globals-params.yaml"), Map.of("Stag", "prod"));

        assertThat(plan.problems()).extracting(ImportProblem::message)
                .anyMatch(m -> m.startsWith("--param Stag names no parameter of the template; its parameters are Stage"));
    }

    @Test
    void bothKafkaEventTypesWithLongFormIntrinsics() {
        ImportPlan plan = parser.parse(template("both-events.yaml"), Map.of());

        assertThat(plan.functions()).extracting(ImportedFunction::name).containsExactly("Ledger");
        assertThat(plan.functions().get(0).memorySize()).isEqualTo(512);
        assertThat(plan.triggers()).extracting(ImportedTrigger::resource)
                .containsExactly("Ledger.Events.FromMsk", "Ledger.Events.FromSelfManaged");

        CreateEventSourceMappingRequest msk = plan.triggers().get(0).request();
        assertThat(msk.eventSourceArn()).startsWith("arn:aws:kafka:us-east-1:123456789012:cluster/payments/");
        assertThat(msk.startingPosition()).isEqualTo("AT_TIMESTAMP");
        assertThat(msk.startingPositionTimestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(msk.provisionedPollerConfig()).isEqualTo(new ProvisionedPollerConfig(2, 4, null));
        assertThat(msk.amazonManagedKafkaEventSourceConfig().schemaRegistryConfig()).isEqualTo(new SchemaRegistryConfig(
                "https://registry.example.com", "JSON",
                List.of(new SchemaRegistryConfig.AccessConfig("BASIC_AUTH",
                        "arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka-credentials")),
                List.of(new SchemaRegistryConfig.ValidationConfig("VALUE"))));

        CreateEventSourceMappingRequest selfManaged = plan.triggers().get(1).request();
        assertThat(selfManaged.eventSourceArn()).isNull();
        assertThat(selfManaged.selfManagedEventSource().bootstrapServers())
                .containsExactly("broker-1.example.com:9092", "broker-2.example.com:9092");
        assertThat(selfManaged.selfManagedKafkaEventSourceConfig().consumerGroupId()).isEqualTo("sam-refunds");
        assertThat(selfManaged.sourceAccessConfigurations()).containsExactly(new SourceAccessConfiguration("BASIC_AUTH",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka-credentials"));
        assertThat(selfManaged.batchSize()).isEqualTo(10);
        assertThat(selfManaged.bisectBatchOnFunctionError()).isTrue();
        assertThat(selfManaged.functionResponseTypes()).containsExactly("ReportBatchItemFailures");

        assertThat(plan.problems()).extracting(ImportProblem::toString).containsExactly(
                "Ledger.Events.FromQueue (line 65): event type SQS is not a Kafka trigger: TriggerLab imports MSK and "
                        + "SelfManagedKafka events",
                "ImageFunction (line 72): PackageType Image is not mapped: TriggerLab runs zip functions (Runtime, "
                        + "Handler and code directory), not container images");
    }

    @Test
    void lambdaFunctionAndEventSourceMappingResourcesInJson() {
        Path template = template("esm-resource.json");
        ImportPlan plan = parser.parse(template, Map.of("Topic", "jobs"));

        ImportedFunction worker = plan.functions().get(0);
        assertThat(worker.name()).isEqualTo("worker");
        assertThat(worker.runtime()).isEqualTo("java21");
        assertThat(worker.code()).isEqualTo(template.getParent().resolve("build/classes"));
        assertThat(worker.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(worker.environment()).containsExactlyEntriesOf(Map.of("MODE", "local"));

        assertThat(plan.triggers()).hasSize(1);
        CreateEventSourceMappingRequest r = plan.triggers().get(0).request();
        assertThat(r.functionName()).isEqualTo("worker");
        assertThat(r.eventSourceArn())
                .isEqualTo("arn:aws:kafka:us-east-1:123456789012:cluster/jobs/0e2a4c6e-aaaa-bbbb-cccc-ddddeeeeffff-1");
        assertThat(r.topics()).containsExactly("jobs");
        assertThat(r.enabled()).isFalse();
        assertThat(r.batchSize()).isEqualTo(25);
        assertThat(r.maximumRetryAttempts()).isEqualTo(3);
        assertThat(r.amazonManagedKafkaEventSourceConfig().consumerGroupId()).isEqualTo("workers");
        assertThat(r.destinationConfig().onFailureDestination()).isEqualTo("kafka://jobs-dlq");

        assertThat(plan.skipped()).containsExactly("CloudOnlyTrigger (condition NotSandbox is false)");
        assertThat(plan.problems()).extracting(ImportProblem::toString).containsExactly(
                "QueueTrigger (line 52): EventSourceArn arn:aws:sqs:us-east-1:123456789012:jobs is not a Kafka source: "
                        + "TriggerLab imports MSK and self-managed Kafka mappings");
    }

    @Test
    void aParameterWithoutDefaultOrValueIsReportedWhereItIsUsed() {
        ImportPlan plan = parser.parse(template("esm-resource.json"), Map.of());

        assertThat(plan.triggers()).isEmpty();
        assertThat(plan.problems()).extracting(ImportProblem::toString).contains(
                "WorkerTrigger (line 28): parameter Topic has no Default: give it a value with --param Topic=VALUE");
    }

    @Test
    void badYamlNamesTheLine() {
        assertThatThrownBy(() -> parser.parse(template("bad-yaml.yaml"), Map.of()))
                .isInstanceOf(TemplateSyntaxException.class)
                .hasMessageStartingWith("bad-yaml.yaml line 6: not valid YAML")
                .satisfies(e -> assertThat(((TemplateSyntaxException) e).line()).isEqualTo(6));
    }

    @Test
    void anUnknownIntrinsicIsReportedWithResourceAndLineAndTheRestImports() {
        ImportPlan plan = parser.parse(template("unknown-intrinsic.yaml"), Map.of());

        assertThat(plan.functions()).extracting(ImportedFunction::name).containsExactly("Consumer");
        assertThat(plan.triggers()).isEmpty();
        assertThat(plan.problems()).extracting(ImportProblem::toString).containsExactly(
                "Consumer.Events.Orders (line 16): unknown intrinsic !Frobnicate is not one TriggerLab evaluates (it "
                        + "evaluates Ref, Fn::Sub, Fn::GetAtt, Fn::If, Fn::Equals, Fn::Not, Fn::And, Fn::Or, Fn::Join, "
                        + "Fn::Select, Fn::Split, Fn::FindInMap)",
                "Consumer.Events.Invoices (line 23): Fn::ImportValue reads another stack's exports, which a local "
                        + "import cannot see: put the value in a parameter and pass --param");
    }

    @Test
    void aMissingHandlerIsReportedWithResourceAndLineAndTheRestImports() {
        ImportPlan plan = parser.parse(template("missing-handler.yaml"), Map.of());

        assertThat(plan.functions()).extracting(ImportedFunction::name).containsExactly("WithHandler");
        assertThat(plan.problems()).extracting(ImportProblem::toString).containsExactly(
                "NoHandler (line 3): Handler is missing: set it on the function or in Globals.Function (e.g. app.handler)");
    }

    @Test
    void aTemplateWithoutResourcesIsRefused() {
        assertThatThrownBy(() -> parser.parse(template("no-resources.yaml"), Map.of()))
                .isInstanceOf(TemplateSyntaxException.class)
                .hasMessageContaining("no Resources section");
    }

    @Test
    void mappingsJoinSelectSplitAndAMissingCodeDirectory(@org.junit.jupiter.api.io.TempDir Path project)
            throws java.io.IOException {
        Path template = java.nio.file.Files.writeString(project.resolve("template.yaml"), """
                Mappings:
                  Sizes:
                    dev: {Batch: "7"}
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: nodejs22.x
                      Handler: index.handler
                      CodeUri: missing/
                      Environment:
                        Variables:
                          HOSTS: !Join [";", [a, b]]
                          SECOND: !Select [1, !Split [",", "x,y,z"]]
                      Events:
                        K:
                          Type: SelfManagedKafka
                          Properties:
                            KafkaBootstrapServers: ["localhost:9092"]
                            Topics: [t]
                            StartingPosition: LATEST
                            BatchSize: !FindInMap [Sizes, dev, Batch]
                """);

        ImportPlan plan = parser.parse(template, Map.of());

        assertThat(plan.functions().get(0).environment()).containsExactlyInAnyOrderEntriesOf(
                Map.of("HOSTS", "a;b", "SECOND", "y"));
        assertThat(plan.triggers().get(0).request().batchSize()).isEqualTo(7);
        assertThat(plan.problems()).extracting(ImportProblem::toString).containsExactly("Fn (line 10): the code "
                + project.resolve("missing") + " does not exist: the function is imported, and its invocations fail "
                + "until it does (run 'sam build' or fix the path)");
    }

    static Path template(String name) {
        try {
            return Path.of(SamTemplateParserTest.class.getResource("/sam/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
