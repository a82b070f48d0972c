package io.triggerlab.console.settings;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.util.Objects;

/** The Settings window's tabs: Functions, Clusters, Secrets (in that order; Functions is the one most often needed). */
public final class SettingsView {

    private final TabPane root = new TabPane();

    public SettingsView(FunctionsView functions, ClustersView clusters, SecretsView secrets) {
        Objects.requireNonNull(functions, "functions");
        Objects.requireNonNull(clusters, "clusters");
        Objects.requireNonNull(secrets, "secrets");
        root.setId("settings-tabs");
        root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.getTabs().setAll(tab("Functions", "settings-tab-functions", functions.root()),
                tab("Clusters", "settings-tab-clusters", clusters.root()),
                tab("Secrets", "settings-tab-secrets", secrets.root()));
    }

    private static Tab tab(String title, String id, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }

    public Parent root() {
        return root;
    }

    /** Shows the tab with this title: "Functions", "Clusters" or "Secrets". */
    public void select(String title) {
        root.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                .ifPresent(t -> root.getSelectionModel().select(t));
    }
}
