package io.triggerlab.console.triggers;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Objects;

/** The side list of triggers: function, topic and a state badge per row. Binds to {@link TriggerListViewModel}. */
public final class TriggerListView {

    private final TriggerListViewModel viewModel;
    private final ListView<TriggerRow> list = new ListView<>();
    private boolean syncing;

    public TriggerListView(TriggerListViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        list.setId("trigger-list");
        list.setItems(viewModel.rows());
        list.setCellFactory(ignored -> new TriggerCell());
        Label placeholder = new Label();
        placeholder.setId("trigger-list-placeholder");
        placeholder.getStyleClass().add("placeholder");
        // While the list loads, "No triggers yet" would be untrue for anyone who has triggers.
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.loadingProperty())
                .then("Loading the triggers…").otherwise("No triggers yet"));
        Label hint = new Label("Create one with Trigger › New trigger… (Ctrl+N), or Help › Create demo triggers.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.visibleProperty().bind(viewModel.loadingProperty().not());
        VBox empty = new VBox(6, placeholder, hint);
        empty.setAlignment(Pos.CENTER);
        empty.setMaxWidth(220);
        list.setPlaceholder(empty);
        // Only a chosen row changes the selection: the list also reports "nothing selected" while a row is replaced
        // by its newer state, and a trigger that goes away is deselected by the ViewModel itself.
        list.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (!syncing && is != null) {
                viewModel.selectedUuidProperty().set(is.uuid());
            }
        });
        viewModel.selectedUuidProperty().addListener((o, was, is) -> selectInList(is));
        // A replaced row (new state) loses the list's selection; put it back.
        viewModel.rows().addListener((javafx.collections.ListChangeListener<TriggerRow>) change -> {
            selectInList(viewModel.selectedUuidProperty().get());
            // A new row may make another row's title ambiguous (same function and topic): redraw them all.
            list.refresh();
        });
    }

    private void selectInList(String uuid) {
        syncing = true;
        try {
            TriggerRow current = list.getSelectionModel().getSelectedItem();
            if (uuid == null) {
                list.getSelectionModel().clearSelection();
            } else if (current == null || !current.uuid().equals(uuid)) {
                viewModel.rows().stream().filter(r -> r.uuid().equals(uuid)).findFirst()
                        .ifPresent(r -> list.getSelectionModel().select(r));
            }
        } finally {
            syncing = false;
        }
    }

    public Node root() {
        return list;
    }

    private static final class TriggerCell extends ListCell<TriggerRow> {
        private final Label function = new Label();
        private final Label topic = new Label();
        private final Label badge = new Label();
        private final HBox box;

        TriggerCell() {
            function.getStyleClass().add("trigger-function");
            topic.getStyleClass().add("trigger-topic");
            badge.getStyleClass().add("state-badge");
            // The badge always shows in full; the names give way (with an ellipsis) when the list is narrow.
            badge.setMinWidth(Region.USE_PREF_SIZE);
            function.setMinWidth(0);
            topic.setMinWidth(0);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            VBox text = new VBox(2, function, topic);
            text.setMinWidth(0);
            box = new HBox(8, text, spacer, badge);
            box.setAlignment(Pos.CENTER_LEFT);
            getStyleClass().add("trigger-cell");
            // Cells take the list's width instead of their content's, so the list never scrolls sideways.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(TriggerRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setId(null);
                return;
            }
            setId("trigger-" + row.uuid());
            function.setText(row.title(getListView().getItems()));
            topic.setText(row.source());
            setTooltip(new javafx.scene.control.Tooltip(row.functionName() + " · " + row.topic() + " · " + row.source()
                    + "\nUUID " + row.uuid()));
            badge.setText(row.badge().label());
            badge.getStyleClass().removeIf(c -> c.startsWith("badge-"));
            badge.getStyleClass().add(row.badge().styleClass());
            setGraphic(box);
        }
    }
}
