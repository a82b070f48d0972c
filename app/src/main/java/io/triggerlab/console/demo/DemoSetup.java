package io.triggerlab.console.demo;

import io.triggerlab.engine.client.EngineClient;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.infra.cluster.TestRecord;
import io.triggerlab.engine.infra.cluster.TopicInfo;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.JavaHandlerTarget;
import io.triggerlab.engine.controlplane.mapping.CreateEventSourceMappingRequest;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.controlplane.mapping.KafkaEventSourceConfig;
import io.triggerlab.engine.controlplane.mapping.ProvisionedPollerConfig;
import io.triggerlab.engine.controlplane.mapping.SchemaRegistryConfig;
import io.triggerlab.engine.client.PreparedSchema;
import io.triggerlab.engine.infra.schema.SchemaFormat;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fills a sandbox engine with a demo: two in-process functions, three topics with a few hundred records (JSON values,
 * keys and headers, one header with non-ASCII bytes), a working trigger, a failing one and a disabled one, and an Avro
 * topic whose records the sandbox registry's schema frames, read by a trigger that decodes them. Used by
 * Help › Create demo triggers and by the screenshot run. Everything goes through the engine's public API.
 */
public final class DemoSetup {

    public static final String ORDERS_TOPIC = "demo-orders";
    public static final String PAYMENTS_TOPIC = "demo-payments";
    public static final String INVENTORY_TOPIC = "demo-inventory";
    public static final String SUMMARY_FUNCTION = "order-summary";
    public static final String PAYMENT_FUNCTION = "payment-charger";
    public static final int ORDER_RECORDS = 300;
    public static final String SHIPMENTS_TOPIC = "demo-shipments";
    public static final String SHIPMENTS_SUBJECT = SHIPMENTS_TOPIC + "-value";
    public static final int SHIPMENT_RECORDS = 20;
    /** The demo's Avro schema, registered in the sandbox registry under {@link #SHIPMENTS_SUBJECT}. */
    public static final String SHIPMENT_SCHEMA = """
            {"type":"record","name":"Shipment","namespace":"demo","fields":[
              {"name":"shipmentId","type":"string"},{"name":"orderId","type":"long"},
              {"name":"carrier","type":{"type":"enum","name":"Carrier","symbols":["DHL","UPS","POSTNL"]}},
              {"name":"weightGrams","type":"int"},{"name":"express","type":"boolean"},
              {"name":"note","type":["null","string"],"default":null}]}""";

    private final EngineClient engine;

    public DemoSetup(EngineClient engine) {
        this.engine = engine;
    }

    /** What the demo created. */
    public record Demo(EventSourceMapping orders, EventSourceMapping payments, EventSourceMapping inventory,
                       EventSourceMapping shipments) {
    }

    /**
     * Creates the demo. Blocks (topics, records, triggers): call it off the FX thread.
     *
     * @throws IllegalStateException when the engine does not run the sandbox, or the demo exists already
     */
    public Demo create() {
        KafkaCluster sandbox = engine.clusters().stream()
                .filter(c -> EngineClient.SANDBOX_CLUSTER_NAME.equals(c.clusterName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("The demo needs the embedded sandbox broker; this engine "
                        + "uses an external cluster at " + engine.bootstrapServers()));
        if (engine.function(SUMMARY_FUNCTION).isPresent()) {
            throw new IllegalStateException("The demo exists already: function " + SUMMARY_FUNCTION
                    + " is registered. Remove its triggers and functions (Settings) to create it again.");
        }
        registerFunctions();
        Set<String> existing = engine.topics().listTopics().stream().map(TopicInfo::name).collect(Collectors.toSet());
        createTopic(existing, ORDERS_TOPIC, 3);
        createTopic(existing, PAYMENTS_TOPIC, 1);
        createTopic(existing, INVENTORY_TOPIC, 1);
        produceOrders();
        produce(PAYMENTS_TOPIC, 5, i -> "{\"paymentId\":\"pay-" + (7000 + i) + "\",\"orderId\":" + (1000 + i)
                + ",\"amountCents\":" + (1999 + i * 250) + ",\"currency\":\"EUR\"}");
        produce(INVENTORY_TOPIC, 10, i -> "{\"sku\":\"SKU-" + (400 + i) + "\",\"delta\":-" + (i % 3 + 1) + "}");
        EventSourceMapping orders = trigger(sandbox, ORDERS_TOPIC, SUMMARY_FUNCTION, true);
        EventSourceMapping payments = trigger(sandbox, PAYMENTS_TOPIC, PAYMENT_FUNCTION, true);
        EventSourceMapping inventory = trigger(sandbox, INVENTORY_TOPIC, SUMMARY_FUNCTION, false);
        return new Demo(orders, payments, inventory, shipments(sandbox, existing));
    }

    private void registerFunctions() {
        List<Path> classpath = List.of(consoleClasses());
        String region = engine.config().region();
        String account = engine.config().accountId();
        engine.registerFunction(new FunctionDefinition(SUMMARY_FUNCTION,
                new JavaHandlerTarget(classpath, OrderSummaryHandler.class.getName()), Duration.ofSeconds(10), region, account));
        engine.registerFunction(new FunctionDefinition(PAYMENT_FUNCTION,
                new JavaHandlerTarget(classpath, PaymentChargerHandler.class.getName()), Duration.ofSeconds(5), region, account));
    }

    /** The console's jar (or class directory in a build): all the demo handlers need besides aws-lambda-java-core. */
    private static Path consoleClasses() {
        try {
            return Path.of(DemoSetup.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the console's classes for the demo functions", e);
        }
    }

    private void createTopic(Set<String> existing, String name, int partitions) {
        if (!existing.contains(name)) {
            engine.topics().createTopic(name, partitions);
        }
    }

    private void produceOrders() {
        String[] customers = {"Zoë Martin", "Jürgen Weiß", "Ana Souza", "Kenji Sato", "Amélie Dubois"};
        String[] items = {"espresso-beans", "grinder", "milk-jug", "filter-papers", "kettle"};
        List<TestRecord> records = new ArrayList<>();
        for (int i = 0; i < ORDER_RECORDS; i++) {
            String customer = customers[i % customers.length];
            String value = String.format(Locale.ROOT, "{\"orderId\":%d,\"customer\":\"%s\",\"item\":\"%s\","
                    + "\"quantity\":%d,\"totalCents\":%d}", 1000 + i, customer, items[i % items.length], 1 + i % 4,
                    1250 + (i * 37) % 9000);
            records.add(new TestRecord(null, utf8("order-" + (1000 + i)), utf8(value), List.of(
                    new TestRecord.Header("trace-id", utf8(String.format(Locale.ROOT, "%016x%016x",
                            (i + 1) * 0x9E3779B97F4A7C15L, (i + 7) * 0xC2B2AE3D27D4EB4FL))),
                    new TestRecord.Header("source", utf8("checkout-web")),
                    new TestRecord.Header("customer-name", utf8(customer)))));
        }
        engine.recordSender().send(ORDERS_TOPIC, records);
    }

    private void produce(String topic, int count, java.util.function.IntFunction<String> value) {
        List<TestRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(new TestRecord(null, null, utf8(value.apply(i)),
                    List.of(new TestRecord.Header("source", utf8("demo")))));
        }
        engine.recordSender().send(topic, records);
    }

    /**
     * Avro shipments: the schema registered in the sandbox registry, records encoded and framed as Confluent's
     * serializer does, and a provisioned trigger (as AWS requires for a schema registry) that delivers them as JSON.
     */
    private EventSourceMapping shipments(KafkaCluster cluster, Set<String> existing) {
        String registry = engine.schemaRecords().sandboxRegistry().orElseThrow(() -> new IllegalStateException(
                "The demo's Avro topic needs the sandbox's schema registry")).toString();
        createTopic(existing, SHIPMENTS_TOPIC, 1);
        PreparedSchema schema = engine.schemaRecords().prepare(registry, SHIPMENTS_SUBJECT, SchemaFormat.AVRO,
                SHIPMENT_SCHEMA);
        String[] carriers = {"DHL", "UPS", "POSTNL"};
        List<TestRecord> records = new ArrayList<>();
        for (int i = 0; i < SHIPMENT_RECORDS; i++) {
            String value = String.format(Locale.ROOT, "{\"shipmentId\":\"shp-%d\",\"orderId\":%d,\"carrier\":\"%s\","
                    + "\"weightGrams\":%d,\"express\":%b,\"note\":%s}", 5000 + i, 1000 + i, carriers[i % 3],
                    250 + i * 40, i % 4 == 0, i % 5 == 0 ? "\"leave at the door\"" : "null");
            records.add(new TestRecord(null, utf8("shp-" + (5000 + i)), engine.schemaRecords().encode(schema, value),
                    List.of(new TestRecord.Header("source", utf8("warehouse")))));
        }
        engine.recordSender().send(SHIPMENTS_TOPIC, records);
        return engine.createMapping(base(cluster, SHIPMENTS_TOPIC, SUMMARY_FUNCTION, true)
                .provisionedPollerConfig(new ProvisionedPollerConfig(1, 1, null))
                .amazonManagedKafkaEventSourceConfig(new KafkaEventSourceConfig(null, new SchemaRegistryConfig(registry,
                        "JSON", List.of(), List.of(new SchemaRegistryConfig.ValidationConfig("VALUE")))))
                .build());
    }

    private EventSourceMapping trigger(KafkaCluster cluster, String topic, String function, boolean enabled) {
        return engine.createMapping(base(cluster, topic, function, enabled).build());
    }

    private static CreateEventSourceMappingRequest.Builder base(KafkaCluster cluster, String topic, String function,
                                                                boolean enabled) {
        return CreateEventSourceMappingRequest.builder()
                .functionName(function)
                .eventSourceArn(cluster.clusterArn())
                .topics(List.of(topic))
                .startingPosition("TRIM_HORIZON")
                .batchSize(100)
                .maximumBatchingWindowInSeconds(1)
                .enabled(enabled);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
