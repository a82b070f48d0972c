package io.triggerlab.console.tags;

import io.triggerlab.console.common.MessageLabels;
import io.triggerlab.console.common.TextColumns;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Objects;

/** The "Tags" tab of the trigger page: the tags table, a key/value row to add one, Remove for the selected ones. */
public final class TagsView {

    private final TagsViewModel viewModel;
    private final BorderPane root = new BorderPane();

    public TagsView(TagsViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        root.setId("tags");
        TableView<TagRow> table = table();
        root.setTop(header());
        root.setCenter(table);
        root.setBottom(editor(table));
    }

    public Node root() {
        return root;
    }

    private Node header() {
        Label title = new Label("Tags (TagResource, UntagResource, ListTags)");
        title.getStyleClass().add("section-heading");
        Label summary = MessageLabels.bound("tags-summary", viewModel.summaryProperty(), "hint");
        Label error = MessageLabels.bound("tags-error", viewModel.errorMessageProperty(), "inline-error");
        VBox header = new VBox(6, title, summary, error);
        header.getStyleClass().add("tab-header");
        return header;
    }

    private TableView<TagRow> table() {
        TableView<TagRow> table = new TableView<>(viewModel.rows());
        table.setId("tags-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().add(TextColumns.of("Key", TagRow::key, 220));
        table.getColumns().add(TextColumns.of("Value", TagRow::value, 360));
        table.setPlaceholder(new Label("No tags"));
        return table;
    }

    private Node editor(TableView<TagRow> table) {
        TextField key = new TextField();
        key.setId("tags-key");
        key.setPromptText("Key, e.g. team");
        key.textProperty().bindBidirectional(viewModel.keyProperty());
        TextField value = new TextField();
        value.setId("tags-value");
        value.setPromptText("Value, e.g. payments");
        value.textProperty().bindBidirectional(viewModel.valueProperty());
        HBox.setHgrow(value, Priority.ALWAYS);
        Button add = new Button("Add or change");
        add.setId("tags-add");
        add.disableProperty().bind(viewModel.busyProperty());
        add.setOnAction(e -> viewModel.add());
        value.setOnAction(e -> viewModel.add());
        Button remove = new Button("Remove selected");
        remove.setId("tags-remove");
        remove.disableProperty().bind(viewModel.busyProperty()
                .or(Bindings.isEmpty(table.getSelectionModel().getSelectedItems())));
        remove.setOnAction(e -> viewModel.remove(List.copyOf(table.getSelectionModel().getSelectedItems())));
        // At 1024 px the buttons keep their words; the value field gives way.
        add.setMinWidth(Region.USE_PREF_SIZE);
        remove.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, key, value, add, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("dialog-buttons");
        return row;
    }
}
