package io.triggerlab.console.settings;

import io.triggerlab.console.common.Dialogs;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Settings › Clusters: the cluster in use (with restart), the registered clusters with register and remove, and the
 * MSK import. Binds to {@link ClusterInUseViewModel} and {@link ClustersViewModel}; no logic of its own.
 */
public final class ClustersView {

    private final ClustersViewModel clusters;
    private final ClusterInUseViewModel inUse;
    private final ScrollPane root;

    public ClustersView(ClustersViewModel clusters, ClusterInUseViewModel inUse) {
        this.clusters = Objects.requireNonNull(clusters, "clusters");
        this.inUse = Objects.requireNonNull(inUse, "inUse");
        VBox content = new VBox(14, clusterInUse(), securedSandbox(), registered(), mskImport());
        content.getStyleClass().add("dialog-form");
        root = new ScrollPane(content);
        root.setId("settings-clusters");
        root.setFitToWidth(true);
    }

    public Parent root() {
        return root;
    }

    private Node clusterInUse() {
        ToggleGroup group = new ToggleGroup();
        VBox choices = new VBox(6);
        for (ClusterInUse.Mode mode : ClusterInUse.Mode.values()) {
            RadioButton button = new RadioButton(mode.label());
            button.setId("cluster-mode-" + mode.key());
            button.setUserData(mode);
            button.setToggleGroup(group);
            choices.getChildren().add(button);
        }
        selectMode(group, inUse.modeProperty().get());
        inUse.modeProperty().addListener((o, was, is) -> selectMode(group, is));
        group.selectedToggleProperty().addListener((o, was, is) -> {
            if (is != null) {
                inUse.modeProperty().set((ClusterInUse.Mode) is.getUserData());
            }
        });
        TextField bootstrap = Forms.field("cluster-external-bootstrap", "host:port[,host:port…]",
                inUse.externalBootstrapProperty());
        bootstrap.disableProperty().bind(inUse.modeProperty().isNotEqualTo(ClusterInUse.Mode.EXTERNAL));
        HBox external = new HBox(8, new Label("Bootstrap servers"), bootstrap);
        external.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(bootstrap, Priority.ALWAYS);

        Button save = new Button("Save for next start");
        save.setId("cluster-save");
        save.setOnAction(e -> inUse.save());
        Button restart = new Button("Restart engine to apply");
        restart.setId("cluster-restart");
        // Highlighted only when it would change the cluster; it stays usable to apply Secrets Manager settings.
        inUse.choiceDiffersProperty().addListener((o, was, is) -> primary(restart, is));
        primary(restart, inUse.choiceDiffersProperty().get());
        restart.setOnAction(e -> {
            if (Dialogs.confirm(restart, "Restart the engine?", "Triggers stop, the engine restarts with the chosen "
                    + "cluster and the triggers resume from their committed offsets.", "Restart engine")) {
                inUse.saveAndRestart();
            }
        });
        HBox buttons = new HBox(8, save, restart);
        return new VBox(8, Forms.heading("Cluster in use"), choices, external,
                Forms.message("cluster-in-use-note", "hint", inUse.noteProperty()),
                Forms.message("sandbox-schema-registry", "hint", inUse.schemaRegistryProperty()),
                Forms.message("cluster-in-use-error", "inline-error", inUse.errorMessageProperty()), buttons);
    }

    private static void primary(Button button, boolean on) {
        button.getStyleClass().remove("primary");
        if (on) {
            button.getStyleClass().add("primary");
        }
    }

    private static void selectMode(ToggleGroup group, ClusterInUse.Mode mode) {
        group.getToggles().stream().filter(t -> t.getUserData() == mode).findFirst().ifPresent(group::selectToggle);
    }

    private Node securedSandbox() {
        Node grid = Forms.grid(List.<Node[]>of(
                securedRow("SASL/SCRAM brokers", "secured-scram", inUse.saslScramBrokersProperty()),
                securedRow("TLS brokers", "secured-tls", inUse.tlsBrokersProperty()),
                securedRow("CA certificate", "secured-ca-file", inUse.caFileProperty()),
                securedRow("CA secret", "secured-ca-secret", inUse.caSecretArnProperty())));
        TextField user = Forms.field("scram-user", "alice", inUse.scramUserProperty());
        PasswordField password = new PasswordField();
        password.setId("scram-password");
        password.textProperty().bindBidirectional(inUse.scramPasswordProperty());
        Button create = new Button("Create SCRAM user and secret");
        create.setId("scram-create");
        create.setOnAction(e -> inUse.createScramUser());
        HBox scram = new HBox(8, new Label("User"), user, new Label("Password"), password, create);
        scram.setAlignment(Pos.CENTER_LEFT);
        TextArea howTo = new TextArea(inUse.scramHowTo());
        howTo.setId("secured-howto");
        howTo.setEditable(false);
        howTo.setWrapText(true);
        howTo.setPrefRowCount(10);
        howTo.getStyleClass().add("mono");
        VBox box = new VBox(8, Forms.heading("Secured sandbox"), grid, scram,
                Forms.message("scram-message", "result-ok", inUse.scramMessageProperty()),
                Forms.message("scram-error", "inline-error", inUse.scramErrorProperty()), howTo);
        box.setId("secured-sandbox");
        box.visibleProperty().bind(inUse.securedProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static Node[] securedRow(String name, String id, javafx.beans.value.ObservableStringValue value) {
        Node[] row = Forms.row(name, Forms.value(id, value));
        return new Node[]{row[0], row[1], Forms.copy(id + "-copy", value)};
    }

    private Node registered() {
        TableView<ClustersViewModel.ClusterRow> table = new TableView<>(clusters.rows());
        table.setId("clusters-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPrefHeight(180);
        table.getColumns().add(column("Name", 170, ClustersViewModel.ClusterRow::label));
        table.getColumns().add(column("ARN", 300, ClustersViewModel.ClusterRow::arn));
        table.getColumns().add(column("Plaintext", 150, ClustersViewModel.ClusterRow::plaintext));
        table.getColumns().add(column("TLS", 110, ClustersViewModel.ClusterRow::tls));
        table.getColumns().add(column("SASL/SCRAM", 110, ClustersViewModel.ClusterRow::saslScram));
        table.getColumns().add(column("IAM", 80, ClustersViewModel.ClusterRow::saslIam));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> clusters.selectedProperty().set(is));
        Button remove = new Button("Remove…");
        remove.setId("cluster-remove");
        remove.disableProperty().bind(clusters.canRemoveProperty().not());
        remove.setOnAction(e -> {
            ClustersViewModel.ClusterRow row = clusters.selectedProperty().get();
            if (row != null && Dialogs.confirm(remove, "Remove cluster " + row.name() + "?",
                    "Triggers can no longer name it by ARN until it is registered again.", "Remove cluster")) {
                clusters.removeSelected();
            }
        });
        TextField name = Forms.field("cluster-new-name", "orders-kafka", clusters.newNameProperty());
        TextField bootstrap = Forms.field("cluster-new-bootstrap", "host:port[,host:port…]", clusters.newBootstrapProperty());
        Button register = new Button("Register");
        register.setId("cluster-register");
        register.setOnAction(e -> clusters.register());
        HBox add = new HBox(8, new Label("Name"), name, new Label("Bootstrap servers"), bootstrap, register);
        add.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(bootstrap, Priority.ALWAYS);
        return new VBox(8, Forms.heading("Registered clusters"),
                Forms.hint("MSK triggers name a cluster by ARN. Register a self-managed or external cluster here to "
                        + "use it as one; the sandbox registers itself."), table, remove, add,
                Forms.message("clusters-error", "inline-error", clusters.errorMessageProperty()));
    }

    private Node mskImport() {
        Node grid = Forms.grid(List.<Node[]>of(
                Forms.row("Cluster ARN", Forms.field("msk-arn", "arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>",
                        clusters.importArnProperty())),
                Forms.row("Region", Forms.field("msk-region", "from the ARN", clusters.importRegionProperty())),
                Forms.row("Profile", Forms.field("msk-profile", "default credentials chain", clusters.importProfileProperty())),
                Forms.row("Endpoint", Forms.field("msk-endpoint", "empty = AWS (e.g. http://localhost:4566 for LocalStack)",
                        clusters.importEndpointProperty()))));
        Button importButton = new Button("Import");
        importButton.setId("msk-import");
        importButton.disableProperty().bind(clusters.importingProperty());
        importButton.setOnAction(e -> clusters.importMsk());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("msk-import-progress");
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(clusters.importingProperty());
        Label asking = new Label("Asking Amazon MSK for the bootstrap brokers…");
        asking.visibleProperty().bind(clusters.importingProperty());
        HBox buttons = new HBox(8, importButton, progress, asking);
        buttons.setAlignment(Pos.CENTER_LEFT);
        clusters.importFailureProperty().addListener((o, was, is) -> {
            if (is != null && !is.isEmpty()) {
                Dialogs.showError(root, "The MSK cluster could not be imported", is);
            }
        });
        return new VBox(8, Forms.heading("Import an Amazon MSK cluster"),
                Forms.hint("Asks MSK's GetBootstrapBrokers with your AWS credentials (~/.aws, SSO or environment) and "
                        + "registers the cluster under its real ARN."), grid, buttons,
                Forms.message("msk-import-result", "result-ok", clusters.importResultProperty()));
    }

    private static TableColumn<ClustersViewModel.ClusterRow, String> column(
            String title, double width, Function<ClustersViewModel.ClusterRow, String> value) {
        TableColumn<ClustersViewModel.ClusterRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }
}
