package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggerlab.engine.infra.cluster.BootstrapBrokers;
import io.triggerlab.engine.infra.cluster.ClusterRegistry;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.infra.cluster.MskClusterImporter;
import io.triggerlab.engine.controlplane.mapping.ResourceInUseException;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;

/**
 * {@code /triggerlab/v1/clusters[/{clusterArn}]}: the Kafka clusters that MSK-style mappings name by
 * {@code EventSourceArn}.
 *
 * <p>Cluster (responses):
 * {@code {"clusterArn":"arn:aws:kafka:us-east-1:123456789012:cluster/orders/6f2a…","clusterName":"orders",
 * "bootstrapBrokers":{"plaintext":"127.0.0.1:9092","tls":null,"saslScram":null,"saslIam":null}}}.
 *
 * <p>ClusterRegistration (POST): {@code clusterArn} or {@code clusterName} (or both, matching; with only a name the
 * ARN is made in the engine's region and account with a new UUID), and either {@code bootstrapBrokers} (the object
 * above, at least one string) or the shorthand {@code "bootstrapServers":"host:port,…"} for plaintext. The name
 * {@value ClusterRegistry#SANDBOX_CLUSTER_NAME} is the engine's own and cannot be registered or removed here.
 */
final class ClusterRoutes extends ExtensionRoute {

    private static final String PATH = ExtensionRoutes.PREFIX + "clusters";
    private static final String IMPORT = "import";

    ClusterRoutes(ApiContext context, ObjectMapper mapper) {
        super(context, mapper);
    }

    @Override
    ApiResponse handle(ApiRequest request, String clusterArn) {
        if (clusterArn == null) {
            return switch (request.method()) {
                case "GET" -> ApiResponse.ok(list());
                case "POST" -> register(body(request));
                default -> throw ExtensionRoutes.notAllowed(request, "GET,POST");
            };
        }
        if (IMPORT.equals(clusterArn)) {
            requireMethod(request, "POST");
            return importFromMsk(body(request));
        }
        return switch (request.method()) {
            case "GET" -> ApiResponse.ok(write(require(clusterArn)));
            case "DELETE" -> ApiResponse.ok(write(remove(clusterArn)));
            default -> throw ExtensionRoutes.notAllowed(request, "GET,DELETE");
        };
    }

    /** {@code POST clusters/import {"clusterArn", "region"?, "profile"?, "endpoint"?}}: a real MSK cluster by ARN. */
    private ApiResponse importFromMsk(JsonFields body) {
        String arn = body.string("clusterArn");
        if (arn == null) {
            throw ApiException.invalidParameter("clusterArn is required: the ARN of the MSK cluster to import");
        }
        Matcher m = KafkaCluster.CLUSTER_ARN.matcher(arn);
        String region = body.string("region") != null ? body.string("region") : (m.matches() ? m.group("region") : null);
        String endpoint = body.string("endpoint");
        try {
            KafkaCluster cluster = new MskClusterImporter(context.clusters()).importCluster(arn, new MskClusterImporter.MskAccess(
                    region, body.string("profile"), endpoint == null ? null : URI.create(endpoint)));
            return ApiResponse.created(write(cluster));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter(e.getMessage());
        }
    }

    private ObjectNode list() {
        ObjectNode body = mapper.createObjectNode();
        ArrayNode clusters = body.putArray("clusters");
        context.clusters().list().forEach(c -> clusters.add(write(c)));
        return body;
    }

    private ApiResponse register(JsonFields body) {
        KafkaCluster cluster = read(body);
        if (ClusterRegistry.SANDBOX_CLUSTER_NAME.equals(cluster.clusterName())) {
            throw ApiException.invalidParameter("The cluster name " + ClusterRegistry.SANDBOX_CLUSTER_NAME
                    + " is reserved for the engine's sandbox broker, which registers itself: choose another name");
        }
        boolean known = context.clusters().find(cluster.clusterArn()).isPresent();
        context.clusters().register(cluster);
        return known ? ApiResponse.ok(write(cluster)) : ApiResponse.created(write(cluster));
    }

    private KafkaCluster read(JsonFields body) {
        String arn = body.string("clusterArn");
        String name = body.string("clusterName");
        BootstrapBrokers brokers = brokers(body);
        if (arn == null && name == null) {
            throw ApiException.invalidParameter("Give clusterArn (arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>) "
                    + "or clusterName (the ARN is then made for you)");
        }
        if (arn == null) {
            arn = "arn:aws:kafka:" + context.region() + ":" + context.accountId() + ":cluster/" + name + "/"
                    + UUID.randomUUID();
        } else if (name == null) {
            Matcher m = KafkaCluster.CLUSTER_ARN.matcher(arn);
            name = m.matches() ? m.group("name") : null;
        }
        try {
            return new KafkaCluster(arn, name, brokers);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.invalidParameter(e.getMessage());
        }
    }

    private static BootstrapBrokers brokers(JsonFields body) {
        JsonFields brokers = body.object("bootstrapBrokers");
        String shorthand = body.string("bootstrapServers");
        if (brokers != null && shorthand != null) {
            throw ApiException.invalidParameter("Give bootstrapBrokers or bootstrapServers, not both");
        }
        if (brokers == null && shorthand == null) {
            throw ApiException.invalidParameter("bootstrapServers is required: the brokers to connect to, e.g. "
                    + "\"bootstrapServers\": \"127.0.0.1:9092\" (or a bootstrapBrokers object per access method)");
        }
        try {
            return brokers == null ? BootstrapBrokers.plaintextOnly(shorthand)
                    : new BootstrapBrokers(brokers.string("plaintext"), brokers.string("tls"),
                            brokers.string("saslScram"), brokers.string("saslIam"));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter(e.getMessage());
        }
    }

    private KafkaCluster remove(String clusterArn) {
        KafkaCluster cluster = require(clusterArn);
        if (ClusterRegistry.SANDBOX_CLUSTER_NAME.equals(cluster.clusterName())) {
            throw new ResourceInUseException("The sandbox cluster " + clusterArn + " belongs to the engine and cannot "
                    + "be removed: start the engine without the sandbox broker instead");
        }
        List<String> users = context.mappings().usingCluster(clusterArn);
        if (!users.isEmpty()) {
            throw new ResourceInUseException("Cluster " + clusterArn + " is used by event source mapping(s) " + users
                    + ": delete them first");
        }
        context.clusters().remove(clusterArn);
        return cluster;
    }

    private KafkaCluster require(String clusterArn) {
        return context.clusters().find(clusterArn).orElseThrow(() -> ApiException.resourceNotFound("Cluster " + clusterArn
                + " is not registered: GET " + PATH + " lists the registered clusters"));
    }

    private ObjectNode write(KafkaCluster cluster) {
        ObjectNode out = mapper.createObjectNode()
                .put("clusterArn", cluster.clusterArn())
                .put("clusterName", cluster.clusterName());
        BootstrapBrokers b = cluster.bootstrapBrokers();
        out.putObject("bootstrapBrokers")
                .put("plaintext", b.plaintext())
                .put("tls", b.tls())
                .put("saslScram", b.saslScram())
                .put("saslIam", b.saslIam());
        return out;
    }
}
