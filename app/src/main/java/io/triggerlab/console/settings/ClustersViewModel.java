package io.triggerlab.console.settings;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.infra.cluster.BootstrapBrokers;
import io.triggerlab.engine.client.EngineClient;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;

/**
 * Settings › Clusters: the registry's clusters (sandbox first), registering a self-managed or external cluster by
 * bootstrap servers, removing one, and importing an Amazon MSK cluster by ARN.
 */
public final class ClustersViewModel {

    private final ClustersBackend backend;
    private final BackgroundWork work;
    private final ObservableList<ClusterRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<ClusterRow> selected = new SimpleObjectProperty<>();
    private final BooleanBinding canRemove;
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");

    private final StringProperty newName = new SimpleStringProperty("");
    private final StringProperty newBootstrap = new SimpleStringProperty("");

    private final StringProperty importArn = new SimpleStringProperty("");
    private final StringProperty importRegion = new SimpleStringProperty("");
    private final StringProperty importProfile = new SimpleStringProperty("");
    private final StringProperty importEndpoint = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper importResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper importFailure = new ReadOnlyStringWrapper("");

    public ClustersViewModel(ClustersBackend backend, BackgroundWork work) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.work = Objects.requireNonNull(work, "work");
        this.canRemove = Bindings.createBooleanBinding(() -> selected.get() != null && !selected.get().sandbox(), selected);
        // The ARN names its region; the person only types one to override it.
        importArn.addListener((o, was, is) -> {
            Matcher m = KafkaCluster.CLUSTER_ARN.matcher(is == null ? "" : is.strip());
            if (m.matches() && (importRegion.get().isBlank() || regionOf(was).equals(importRegion.get()))) {
                importRegion.set(m.group("region"));
            }
        });
    }

    private static String regionOf(String arn) {
        Matcher m = KafkaCluster.CLUSTER_ARN.matcher(arn == null ? "" : arn.strip());
        return m.matches() ? m.group("region") : "";
    }

    /** Loads the clusters, and the AWS profile aws.properties names as the import's default. */
    public void reload() {
        work.submit("list the clusters", () -> new Loaded(backend.list(), backend.awsProfile()), loaded -> {
            errorMessage.set("");
            rows.setAll(loaded.clusters().stream().map(ClusterRow::of)
                    .sorted(Comparator.comparing((ClusterRow r) -> !r.sandbox()).thenComparing(ClusterRow::name))
                    .toList());
            if (importProfile.get().isBlank() && loaded.profile() != null) {
                importProfile.set(loaded.profile());
            }
        }, errorMessage::set);
    }

    private record Loaded(List<KafkaCluster> clusters, String profile) {
    }

    /** Registers a cluster by name and bootstrap servers (plaintext); its ARN is made in the engine's account. */
    public void register() {
        errorMessage.set("");
        KafkaCluster cluster;
        try {
            cluster = newCluster();
        } catch (IllegalArgumentException e) {
            errorMessage.set(e.getMessage());
            return;
        }
        work.submit("register the cluster", () -> backend.register(cluster), registered -> {
            newName.set("");
            newBootstrap.set("");
            reload();
        }, errorMessage::set);
    }

    private KafkaCluster newCluster() {
        String name = newName.get().strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("The cluster needs a name: 1 to 64 letters, digits and '-', e.g. orders-kafka");
        }
        if (EngineClient.SANDBOX_CLUSTER_NAME.equals(name)) {
            throw new IllegalArgumentException("The cluster name " + EngineClient.SANDBOX_CLUSTER_NAME
                    + " is reserved for the engine's sandbox broker, which registers itself: choose another name");
        }
        if (!name.matches("[a-zA-Z0-9-]{1,64}")) {
            throw new IllegalArgumentException("Cluster name '" + name + "' is not valid: use 1 to 64 letters, digits "
                    + "and '-', as in an MSK cluster ARN");
        }
        ClusterInUse.requireValidBootstrap(newBootstrap.get());
        String arn = "arn:aws:kafka:" + backend.region() + ":" + backend.accountId() + ":cluster/" + name + "/"
                + UUID.randomUUID();
        return new KafkaCluster(arn, name, BootstrapBrokers.plaintextOnly(newBootstrap.get().strip()));
    }

    /** Removes the selected cluster (the view asks first); the sandbox cannot be removed. */
    public void removeSelected() {
        ClusterRow row = selected.get();
        if (row == null || row.sandbox()) {
            return;
        }
        errorMessage.set("");
        work.submit("remove the cluster", () -> {
            backend.remove(row.arn());
            return row;
        }, removed -> reload(), errorMessage::set);
    }

    /** Imports an MSK cluster by ARN; {@link #importingProperty()} is true until MSK answered. */
    public void importMsk() {
        importFailure.set("");
        importResult.set("");
        String arn = importArn.get().strip();
        if (!KafkaCluster.CLUSTER_ARN.matcher(arn).matches()) {
            importFailure.set("Cluster ARN '" + arn + "' is not valid: expected "
                    + "arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>");
            return;
        }
        URI endpoint;
        try {
            endpoint = importEndpoint.get().isBlank() ? null : URI.create(importEndpoint.get().strip());
        } catch (IllegalArgumentException e) {
            importFailure.set("Endpoint '" + importEndpoint.get().strip() + "' is not a URL: leave it empty for AWS, "
                    + "or give e.g. http://localhost:4566");
            return;
        }
        String region = importRegion.get().isBlank() ? regionOf(arn) : importRegion.get().strip();
        String profile = importProfile.get().isBlank() ? null : importProfile.get().strip();
        importing.set(true);
        work.submit("import the MSK cluster", () -> backend.importMsk(arn, region, profile, endpoint), cluster -> {
            importing.set(false);
            importResult.set("Imported " + cluster.clusterName() + ": " + describe(cluster.bootstrapBrokers()));
            importArn.set("");
            reload();
        }, message -> {
            importing.set(false);
            importFailure.set(message);
        });
    }

    static String describe(BootstrapBrokers b) {
        StringBuilder out = new StringBuilder();
        append(out, "plaintext", b.plaintext());
        append(out, "TLS", b.tls());
        append(out, "SASL/SCRAM", b.saslScram());
        append(out, "IAM", b.saslIam());
        return out.toString();
    }

    private static void append(StringBuilder out, String label, String brokers) {
        if (brokers != null) {
            out.append(out.length() == 0 ? "" : " · ").append(label).append(' ').append(brokers);
        }
    }

    public ObservableList<ClusterRow> rows() {
        return rows;
    }

    public ObjectProperty<ClusterRow> selectedProperty() {
        return selected;
    }

    /** True when a cluster other than the sandbox is selected. */
    public BooleanBinding canRemoveProperty() {
        return canRemove;
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public StringProperty newBootstrapProperty() {
        return newBootstrap;
    }

    public StringProperty importArnProperty() {
        return importArn;
    }

    /** Filled from the ARN; the person may override it. */
    public StringProperty importRegionProperty() {
        return importRegion;
    }

    /** The named AWS profile; empty for the default credentials chain. */
    public StringProperty importProfileProperty() {
        return importProfile;
    }

    /** An MSK endpoint override, e.g. LocalStack's; empty for AWS. */
    public StringProperty importEndpointProperty() {
        return importEndpoint;
    }

    public ReadOnlyBooleanProperty importingProperty() {
        return importing.getReadOnlyProperty();
    }

    /** What the last import registered, or empty. */
    public ReadOnlyStringProperty importResultProperty() {
        return importResult.getReadOnlyProperty();
    }

    /** Why the last import failed, for the error dialog; empty otherwise. */
    public ReadOnlyStringProperty importFailureProperty() {
        return importFailure.getReadOnlyProperty();
    }

    /** One registered cluster as the table shows it. */
    public record ClusterRow(String name, String arn, String plaintext, String tls, String saslScram, String saslIam,
                             boolean sandbox) {

        static ClusterRow of(KafkaCluster c) {
            BootstrapBrokers b = c.bootstrapBrokers();
            return new ClusterRow(c.clusterName(), c.clusterArn(), orEmpty(b.plaintext()), orEmpty(b.tls()),
                    orEmpty(b.saslScram()), orEmpty(b.saslIam()),
                    EngineClient.SANDBOX_CLUSTER_NAME.equals(c.clusterName()));
        }

        /** The name, marked when it is the engine's own sandbox. */
        public String label() {
            return sandbox ? name + " (embedded sandbox)" : name;
        }

        private static String orEmpty(String text) {
            return text == null ? "" : text;
        }
    }
}
