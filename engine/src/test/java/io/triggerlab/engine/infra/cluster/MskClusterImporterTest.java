package io.triggerlab.engine.infra.cluster;

import com.sun.net.httpserver.HttpServer;
import io.triggerlab.engine.infra.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Importing an MSK cluster, against a local server that speaks MSK's GetBootstrapBrokers REST API. */
class MskClusterImporterTest {

    private static final String ARN = "arn:aws:kafka:eu-west-1:123456789012:cluster/orders-prod/5a6b7c8d-1111-2222-3333-444455556666-3";

    private Database database;
    private ClusterRegistry registry;
    private HttpServer msk;
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body;
    private volatile String errorType;

    @BeforeEach
    void setUp() throws IOException {
        database = Database.inMemory("msk-" + UUID.randomUUID());
        registry = new ClusterRegistry(database.dataSource(), "us-east-1", "000000000000");
        msk = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        msk.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getRawPath());
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] out = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (errorType != null) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
            }
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        });
        msk.start();
    }

    @AfterEach
    void tearDown() {
        msk.stop(0);
        database.close();
    }

    private MskClusterImporter.MskAccess access() {
        return new MskClusterImporter.MskAccess("eu-west-1", null, URI.create("http://127.0.0.1:" + msk.getAddress().getPort()));
    }

    @Test
    void registersTheClusterWithItsBrokersPerAccessMethod_fromASignedGetBootstrapBrokers() {
        body = "{\"bootstrapBrokerString\":\"b-1.orders:9092,b-2.orders:9092\",\"bootstrapBrokerStringTls\":\"b-1.orders:9094\","
                + "\"bootstrapBrokerStringSaslScram\":\"b-1.orders:9096\",\"bootstrapBrokerStringSaslIam\":\"b-1.orders:9098\"}";

        KafkaCluster cluster = new MskClusterImporter(registry).importCluster(ARN, access());

        assertThat(cluster.clusterName()).isEqualTo("orders-prod");
        assertThat(cluster.bootstrapBrokers()).isEqualTo(new BootstrapBrokers("b-1.orders:9092,b-2.orders:9092",
                "b-1.orders:9094", "b-1.orders:9096", "b-1.orders:9098"));
        assertThat(registry.find(ARN)).contains(cluster);
        assertThat(paths).containsExactly("/v1/clusters/arn%3Aaws%3Akafka%3Aeu-west-1%3A123456789012%3Acluster%2Forders-prod%2F"
                + "5a6b7c8d-1111-2222-3333-444455556666-3/bootstrap-brokers");
        assertThat(authorizations.get(0)).startsWith("AWS4-HMAC-SHA256 Credential=").contains("/eu-west-1/kafka/aws4_request");
    }

    @Test
    void keepsOnlyTheAccessMethodsTheClusterHas() {
        body = "{\"bootstrapBrokerStringSaslIam\":\"b-1.orders:9098\"}";

        KafkaCluster cluster = new MskClusterImporter(registry).importCluster(ARN, access());

        assertThat(cluster.bootstrapBrokers()).isEqualTo(new BootstrapBrokers(null, null, null, "b-1.orders:9098"));
    }

    @Test
    void saysWhatMskAnswered_whenTheClusterIsUnknown() {
        status = 404;
        errorType = "NotFoundException:http://internal.amazon.com/coral/com.amazonaws.kafka/";
        body = "{\"message\":\"The requested resource was not found.\"}";

        assertThatThrownBy(() -> new MskClusterImporter(registry).importCluster(ARN, access()))
                .hasMessage("Amazon MSK refused GetBootstrapBrokers for " + ARN
                        + ": NotFoundException: The requested resource was not found.");
        assertThat(registry.find(ARN)).isEmpty();
    }

    @Test
    void refusesAnArnThatIsNotAnMskClusterArn_withoutCallingMsk() {
        assertThatThrownBy(() -> new MskClusterImporter(registry).importCluster("arn:aws:kafka:eu-west-1:1:topic/x", access()))
                .hasMessageContaining("is not valid: expected arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>");
        assertThat(paths).isEmpty();
    }

    @Test
    void saysTheClusterHasNoBrokersYet_whenMskReturnsNone() {
        body = "{}";
        assertThatThrownBy(() -> new MskClusterImporter(registry).importCluster(ARN, access()))
                .hasMessageContaining("returned no bootstrap brokers");
    }
}
