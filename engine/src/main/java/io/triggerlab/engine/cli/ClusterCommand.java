package io.triggerlab.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;

/** {@code triggerlab cluster list|import}: the Kafka clusters MSK-style mappings name by ARN. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "List the known clusters, or import a real Amazon MSK cluster by ARN.",
        subcommands = {ClusterCommand.ListClusters.class, ClusterCommand.Import.class})
final class ClusterCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the clusters and their brokers.")
    static final class ListClusters extends EngineApiCommand {
        @Override
        public Integer call() {
            PrintWriter out = out();
            for (JsonNode c : api().get("/triggerlab/v1/clusters").path("clusters")) {
                out.println(c.path("clusterArn").asText());
                c.path("bootstrapBrokers").fields().forEachRemaining(e -> {
                    if (!e.getValue().isNull()) {
                        out.printf("    %-10s %s%n", e.getKey(), e.getValue().asText());
                    }
                });
            }
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Imports an Amazon MSK cluster: its brokers come from MSK's GetBootstrapBrokers "
                    + "(needs AWS credentials allowed kafka:GetBootstrapBrokers).")
    static final class Import extends EngineApiCommand {
        @Parameters(index = "0", paramLabel = "CLUSTER_ARN")
        String clusterArn;

        @Option(names = "--region", description = "Region of the cluster (default: the ARN's).")
        String region;

        @Option(names = "--profile", description = "AWS credentials profile, SSO profiles included (default: the default chain).")
        String profile;

        @Option(names = "--msk-endpoint", paramLabel = "URL", description = "MSK API endpoint override (e.g. LocalStack).")
        String mskEndpoint;

        @Override
        public Integer call() {
            ObjectNode body = newBody().put("clusterArn", clusterArn);
            if (region != null) {
                body.put("region", region);
            }
            if (profile != null) {
                body.put("profile", profile);
            }
            if (mskEndpoint != null) {
                body.put("endpoint", mskEndpoint);
            }
            JsonNode cluster = api().post("/triggerlab/v1/clusters/import", body);
            out().println("Imported " + cluster.path("clusterArn").asText());
            return 0;
        }
    }
}
