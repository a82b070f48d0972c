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

import java.util.List;
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
        private final Label source = new Label();
        private final Label badge = new Label();
        private final VBox box;

        TriggerCell() {
            function.getStyleClass().add("trigger-function");
            topic.getStyleClass().add("trigger-topic");
            source.getStyleClass().add("trigger-topic");
            badge.getStyleClass().add("state-badge");
            // One name per line, the badge beside the (small) topic: on a narrow list the function keeps the whole
            // width, and a name longer than its line wraps instead of being cut (the tooltip has them all as well).
            badge.setMinWidth(Region.USE_PREF_SIZE);
            for (Label name : List.of(function, topic, source)) {
                name.setMinWidth(0);
                name.setWrapText(true);
            }
            HBox.setHgrow(topic, Priority.ALWAYS);
            topic.setMaxWidth(Double.MAX_VALUE);
            HBox second = new HBox(8, topic, badge);
            second.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(2, function, second, source);
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
            function.setText(row.functionName());
            topic.setText(row.topicLine(getListView().getItems()));
            source.setText(row.source());
            setTooltip(new javafx.scene.control.Tooltip(row.title(getListView().getItems()) + " · " + row.source()
                    + "\nUUID " + row.uuid()));
            badge.setText(row.badge().label());
            badge.getStyleClass().removeIf(c -> c.startsWith("badge-"));
            badge.getStyleClass().add(row.badge().styleClass());
            setGraphic(box);
        }
    }
}
