package io.triggerlab.console.settings;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

import java.util.Objects;

/**
 * The Settings window's tabs: Functions, Clusters, Secrets (in that order; Functions is the one most often needed),
 * and AWS compatibility when a strict-mode view is given.
 */
public final class SettingsView {

    private final TabPane tabs = new TabPane();
    private final BorderPane root = new BorderPane(tabs);

    public SettingsView(FunctionsView functions, ClustersView clusters, SecretsView secrets) {
        this(functions, clusters, secrets, null);
    }

    /** @param strictMode the "AWS compatibility" tab's content, or null for none */
    public SettingsView(FunctionsView functions, ClustersView clusters, SecretsView secrets, StrictModeView strictMode) {
        Objects.requireNonNull(functions, "functions");
        Objects.requireNonNull(clusters, "clusters");
        Objects.requireNonNull(secrets, "secrets");
        root.setId("settings-tabs");
        tabs.setId("settings-tab-pane");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setBottom(closeBar());
        tabs.getTabs().setAll(tab("Functions", "settings-tab-functions", functions.root()),
                tab("Clusters", "settings-tab-clusters", clusters.root()),
                tab("Secrets", "settings-tab-secrets", secrets.root()));
        if (strictMode != null) {
            tabs.getTabs().add(tab("AWS compatibility", "settings-tab-aws", strictMode.root()));
        }
    }

    private Node closeBar() {
        Button close = new Button("Close");
        close.setId("settings-close");
        close.setCancelButton(true);
        close.setOnAction(e -> root.getScene().getWindow().hide());
        HBox bar = new HBox(close);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.getStyleClass().add("dialog-buttons");
        return bar;
    }

    private static Tab tab(String title, String id, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }

    public Parent root() {
        return root;
    }

    /** Shows the tab with this title: "Functions", "Clusters", "Secrets" or "AWS compatibility". */
    public void select(String title) {
        tabs.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }
}
