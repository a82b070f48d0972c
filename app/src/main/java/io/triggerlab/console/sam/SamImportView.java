package io.triggerlab.console.sam;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dialogs of File › Open SAM template…: the file chooser, one question per ambiguous MSK cluster, and the list of
 * what was imported and what could not be mapped.
 */
public final class SamImportView {

    private final Window owner;
    private final SamImportViewModel viewModel;
    private final String stylesheet;
    private final Runnable afterImport;

    /** @param afterImport runs once an import was applied (the workspace reloads its trigger list) */
    public SamImportView(Window owner, SamImportViewModel viewModel, String stylesheet, Runnable afterImport) {
        this.owner = owner;
        this.viewModel = viewModel;
        this.stylesheet = stylesheet;
        this.afterImport = afterImport;
        viewModel.questions().addListener((ListChangeListener<Object>) c -> {
            if (!viewModel.questions().isEmpty()) {
                askClusters();
            }
        });
        viewModel.doneProperty().addListener((o, was, is) -> {
            if (is) {
                afterImport.run();
                showResult();
            }
        });
        viewModel.errorProperty().addListener((o, was, message) -> {
            if (message != null) {
                Alert alert = alert(Alert.AlertType.ERROR, "The template could not be imported");
                alert.setContentText(message);
                alert.showAndWait();
            }
        });
    }

    /** Asks for a template file and opens it. */
    public void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open SAM template");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("SAM / CloudFormation templates", "*.yaml", "*.yml", "*.json", "*.template"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(owner);
        if (file != null) {
            viewModel.open(file.toPath());
        }
    }

    private void askClusters() {
        Map<String, String> answers = new LinkedHashMap<>();
        for (var question : List.copyOf(viewModel.questions())) {
            ChoiceDialog<String> dialog = new ChoiceDialog<>(question.candidates().isEmpty() ? null
                    : question.candidates().get(0), question.candidates());
            dialog.initOwner(owner);
            dialog.setTitle("Open SAM template");
            dialog.setHeaderText("Which registered cluster is the template's MSK cluster?\n" + question.templateArn());
            dialog.setContentText("Cluster:");
            dialog.getDialogPane().getStylesheets().add(stylesheet);
            Optional<String> chosen = dialog.showAndWait();
            if (chosen.isEmpty()) {
                viewModel.cancel();
                return;
            }
            answers.put(question.templateArn(), chosen.get());
        }
        viewModel.answer(answers);
    }

    private void showResult() {
        Alert alert = alert(viewModel.notImported().isEmpty() ? Alert.AlertType.INFORMATION : Alert.AlertType.WARNING,
                "Imported " + viewModel.imported().size() + " functions and triggers"
                        + (viewModel.notImported().isEmpty() ? "" : "; " + viewModel.notImported().size()
                        + " could not be mapped"));
        ListView<String> imported = list(viewModel.imported(), "sam-imported");
        VBox content = new VBox(6, new Label("Imported"), imported);
        if (!viewModel.notImported().isEmpty()) {
            content.getChildren().addAll(new Label("Could not be mapped (resource and line in the template)"),
                    list(viewModel.notImported(), "sam-not-imported"));
        }
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setPrefWidth(760);
        alert.showAndWait();
    }

    private Alert alert(Alert.AlertType type, String header) {
        Alert alert = new Alert(type, "", ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle("Open SAM template");
        alert.setHeaderText(header);
        alert.getDialogPane().getStylesheets().add(stylesheet);
        return alert;
    }

    private static ListView<String> list(List<String> items, String id) {
        ListView<String> view = new ListView<>(javafx.collections.FXCollections.observableArrayList(items));
        view.setId(id);
        view.setPrefHeight(Math.min(260, 28 + 24 * Math.max(1, items.size())));
        return view;
    }
}
