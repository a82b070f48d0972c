package io.triggerlab.console.wizard;

import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The "Schema registry" section of Additional settings: SchemaRegistryConfig in AWS's members. */
final class SchemaRegistrySection {

    private SchemaRegistrySection() {
    }

    static Node of(AdditionalSettingsForm additional) {
        SchemaRegistryForm f = additional.schemaRegistry();
        CheckBox enabled = new CheckBox("Decode records with a schema registry (SchemaRegistryConfig)");
        enabled.setId("wizard-schema-registry");
        enabled.selectedProperty().bindBidirectional(f.enabledProperty());
        TextField uri = WizardFields.text("wizard-schema-registry-uri", f.uriProperty(),
                "https://registry:8081, or arn:aws:glue:<region>:<account>:registry/<name>", null);
        ChoiceBox<String> format = new ChoiceBox<>();
        format.setId("wizard-schema-record-format");
        format.getItems().setAll(SchemaRegistrySettings.FORMATS);
        format.valueProperty().bindBidirectional(f.formatProperty());
        CheckBox key = new CheckBox("KEY");
        key.setId("wizard-schema-validate-key");
        key.selectedProperty().bindBidirectional(f.validateKeyProperty());
        CheckBox value = new CheckBox("VALUE");
        value.setId("wizard-schema-validate-value");
        value.selectedProperty().bindBidirectional(f.validateValueProperty());
        ChoiceBox<String> auth = new ChoiceBox<>();
        auth.setId("wizard-schema-auth");
        auth.getItems().setAll(SchemaRegistrySettings.AUTH_TYPES);
        auth.setConverter(new StringConverter<>() {
            @Override
            public String toString(String type) {
                return type == null || type.isEmpty() ? "None" : type;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        auth.valueProperty().bindBidirectional(f.authTypeProperty());
        TextField secret = WizardFields.text("wizard-schema-auth-secret", f.authSecretProperty(),
                "arn:aws:secretsmanager:… (the credentials' secret)", null);
        secret.disableProperty().bind(f.authTypeProperty().isEmpty());
        TextField rootCa = WizardFields.text("wizard-schema-root-ca", f.rootCaProperty(),
                "SERVER_ROOT_CA_CERTIFICATE secret (optional)", null);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.addRow(0, WizardFields.name("Registry URI"), uri);
        grid.addRow(1, WizardFields.name("Event record format"), format);
        HBox validate = new HBox(12, key, value);
        validate.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(2, WizardFields.name("Validate"), validate);
        grid.addRow(3, WizardFields.name("Authentication"), auth);
        grid.addRow(4, WizardFields.name("Secret"), secret);
        grid.addRow(5, WizardFields.name("Root CA"), rootCa);
        BooleanBinding off = f.enabledProperty().not();
        grid.disableProperty().bind(off);
        VBox content = new VBox(8, enabled, grid, WizardFields.hint("JSON delivers the decoded record as JSON; SOURCE "
                + "delivers the original bytes without the registry's framing. Records whose schema is missing or that "
                + "do not decode go to the on-failure destination (SCHEMA_NOT_FOUND, DESERIALIZATION_ERROR). AWS "
                + "accepts this in provisioned mode only; TriggerLab runs it in on-demand mode too, and \"Would this "
                + "pass on AWS?\" says so. The sandbox's registry URL is in Settings › Clusters."));
        return AdditionalSettingsPage.section("wizard-section-schema-registry", "Schema registry", content, false);
    }
}
