package io.triggerlab.engine.infra.cluster;

import io.triggerlab.engine.infra.store.RowQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kafka clusters that MSK-style mappings ({@code EventSourceArn}) can name, persisted in H2
 * ({@code kafka_cluster}). Self-managed mappings carry their own bootstrap servers and need no entry here.
 */
public final class ClusterRegistry {

    private static final Logger log = LoggerFactory.getLogger(ClusterRegistry.class);

    public static final String SANDBOX_CLUSTER_NAME = "triggerlab-sandbox";

    /** Cross-account MSK VPC connection: {@code arn:aws:kafka:<r>:<acct>:vpc-connection/<ownerAcct>/<cluster>/<uuid>}. */
    private static final Pattern VPC_CONNECTION_ARN = Pattern.compile(
            "arn:(?<partition>aws[a-zA-Z-]*):kafka:(?<region>[a-z0-9-]+):\\d{12}:vpc-connection/(?<owner>\\d{12})/(?<name>[a-zA-Z0-9-]{1,64})/(?<id>[a-zA-Z0-9-]+)");

    private static final String COLUMNS =
            "cluster_arn, cluster_name, bootstrap_plaintext, bootstrap_tls, bootstrap_sasl_scram, bootstrap_sasl_iam";

    private final DataSource dataSource;
    private final String region;
    private final String accountId;

    public ClusterRegistry(DataSource dataSource, String region, String accountId) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.region = Objects.requireNonNull(region, "region");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
    }

    /** Registers a cluster, or refreshes its name and bootstrap strings when its ARN is already known. */
    public synchronized KafkaCluster register(KafkaCluster cluster) {
        upsert(cluster, false);
        return cluster;
    }

    /**
     * Registers or refreshes the embedded sandbox broker as the MSK cluster {@value #SANDBOX_CLUSTER_NAME}. The ARN's
     * UUID is generated once and kept, so mappings survive restarts; the bootstrap string is replaced every time,
     * since the broker's port may change between starts.
     */
    public KafkaCluster registerSandbox(String bootstrapServers) {
        return registerSandbox(BootstrapBrokers.plaintextOnly(bootstrapServers));
    }

    /** As {@link #registerSandbox(String)}, for a sandbox that also offers TLS, SCRAM or IAM listeners. */
    public synchronized KafkaCluster registerSandbox(BootstrapBrokers brokers) {
        String id = query("SELECT " + COLUMNS + " FROM kafka_cluster WHERE sandbox = TRUE", null).stream()
                .findFirst()
                .map(c -> c.clusterArn().substring(c.clusterArn().lastIndexOf('/') + 1))
                .orElseGet(() -> UUID.randomUUID().toString());
        KafkaCluster sandbox = new KafkaCluster("arn:aws:kafka:" + region + ":" + accountId + ":cluster/"
                + SANDBOX_CLUSTER_NAME + "/" + id, SANDBOX_CLUSTER_NAME, brokers);
        // The region or account may have changed since the last start: one sandbox row, under the current ARN.
        update("DELETE FROM kafka_cluster WHERE sandbox = TRUE AND cluster_arn <> ?", sandbox.clusterArn());
        upsert(sandbox, true);
        log.info("Sandbox broker registered as MSK cluster {} at {}", sandbox.clusterArn(), brokers.plaintext());
        return sandbox;
    }

    public Optional<KafkaCluster> find(String clusterArn) {
        return query("SELECT " + COLUMNS + " FROM kafka_cluster WHERE cluster_arn = ?", clusterArn).stream().findFirst();
    }

    /**
     * The cluster an {@code EventSourceArn} names: a cluster ARN directly, or, for a cross-account MSK VPC connection
     * ARN, the owner account's cluster with the same name and UUID.
     */
    public Optional<KafkaCluster> findForEventSource(String eventSourceArn) {
        if (eventSourceArn == null) {
            return Optional.empty();
        }
        Matcher vpc = VPC_CONNECTION_ARN.matcher(eventSourceArn);
        if (vpc.matches()) {
            return find("arn:" + vpc.group("partition") + ":kafka:" + vpc.group("region") + ":" + vpc.group("owner")
                    + ":cluster/" + vpc.group("name") + "/" + vpc.group("id"));
        }
        return find(eventSourceArn);
    }

    public List<KafkaCluster> list() {
        return query("SELECT " + COLUMNS + " FROM kafka_cluster ORDER BY cluster_name, cluster_arn", null);
    }

    public synchronized boolean remove(String clusterArn) {
        return update("DELETE FROM kafka_cluster WHERE cluster_arn = ?", clusterArn) > 0;
    }

    private void upsert(KafkaCluster c, boolean sandbox) {
        String sql = "MERGE INTO kafka_cluster (" + COLUMNS + ", sandbox) KEY (cluster_arn) VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (Connection con = dataSource.getConnection(); PreparedStatement s = con.prepareStatement(sql)) {
            BootstrapBrokers b = c.bootstrapBrokers();
            s.setString(1, c.clusterArn());
            s.setString(2, c.clusterName());
            s.setString(3, b.plaintext());
            s.setString(4, b.tls());
            s.setString(5, b.saslScram());
            s.setString(6, b.saslIam());
            s.setBoolean(7, sandbox);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store cluster " + c.clusterArn() + ": " + e.getMessage(), e);
        }
    }

    private int update(String sql, String arn) {
        try (Connection con = dataSource.getConnection(); PreparedStatement s = con.prepareStatement(sql)) {
            s.setString(1, arn);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot change cluster " + arn + ": " + e.getMessage(), e);
        }
    }

    private List<KafkaCluster> query(String sql, String arn) {
        return RowQuery.list(dataSource, sql, arn, "clusters", rs -> new KafkaCluster(rs.getString("cluster_arn"),
                rs.getString("cluster_name"), new BootstrapBrokers(rs.getString("bootstrap_plaintext"),
                        rs.getString("bootstrap_tls"), rs.getString("bootstrap_sasl_scram"),
                        rs.getString("bootstrap_sasl_iam"))));
    }
}
