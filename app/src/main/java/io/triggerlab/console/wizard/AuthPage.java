package io.triggerlab.console.wizard;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Optional;
import java.util.function.Function;

/**
 * The Authentication step: every method AWS allows for the chosen source, the vault secret it uses (chosen from the
 * list or created inline), and for self-managed Kafka an optional server root CA.
 */
final class AuthPage {

    private AuthPage() {
    }

    /** @param createSecret opens the secret editor over the given owner; the new secret's ARN, if saved */
    static Node content(TriggerWizardViewModel vm, Function<Node, Optional<String>> createSecret) {
        ComboBox<AuthMethod> method = new ComboBox<>(vm.authMethods());
        method.setId("wizard-auth");
        method.setMaxWidth(Double.MAX_VALUE);
        method.valueProperty().bindBidirectional(vm.authMethodProperty());
        Label about = WizardFields.hint("");
        about.setId("wizard-auth-about");
        about.textProperty().bind(Bindings.createStringBinding(() -> vm.authMethodProperty().get() == null ? ""
                : vm.authMethodProperty().get().description(), vm.authMethodProperty()));

        ComboBox<String> secret = secretBox("wizard-auth-secret", vm);
        secret.valueProperty().bindBidirectional(vm.secretArnProperty());
        Button newSecret = new Button("New secret…");
        newSecret.setId("wizard-auth-new-secret");
        newSecret.setOnAction(e -> createSecret.apply(newSecret).ifPresent(arn -> vm.secretCreated(arn, false)));
        HBox secretRow = row(secret, newSecret);
        BooleanBinding needsSecret = Bindings.createBooleanBinding(() -> vm.authMethodProperty().get() != null
                && vm.authMethodProperty().get().needsSecret(), vm.authMethodProperty());
        VBox secretBlock = new VBox(6, WizardFields.name("Secret (local vault or Secrets Manager ARN)"), secretRow);
        secretBlock.visibleProperty().bind(needsSecret);
        secretBlock.managedProperty().bind(needsSecret);

        ComboBox<String> rootCa = secretBox("wizard-auth-root-ca", vm);
        rootCa.valueProperty().bindBidirectional(vm.rootCaSecretArnProperty());
        Button newRootCa = new Button("New secret…");
        newRootCa.setId("wizard-auth-new-root-ca");
        newRootCa.setOnAction(e -> createSecret.apply(newRootCa).ifPresent(arn -> vm.secretCreated(arn, true)));
        BooleanBinding selfManaged = vm.typeProperty().isEqualTo(TriggerType.SELF_MANAGED);
        VBox rootBlock = new VBox(6, WizardFields.name("Server root CA certificate (optional)"), row(rootCa, newRootCa),
                WizardFields.hint("SERVER_ROOT_CA_CERTIFICATE: for brokers whose certificate a private CA signed. "
                        + "Alone, it means TLS without client authentication."));
        rootBlock.visibleProperty().bind(selfManaged);
        rootBlock.managedProperty().bind(selfManaged);

        Label msk = WizardFields.hint("Amazon MSK offers IAM, SASL/SCRAM-512 and mTLS; SASL/SCRAM-256, SASL/PLAIN "
                + "and a custom root CA are for self-managed Kafka (AWS's rule).");
        msk.visibleProperty().bind(selfManaged.not());
        msk.managedProperty().bind(msk.visibleProperty());
        return new VBox(10, WizardFields.name("Authentication method"), method, about, secretBlock, rootBlock, msk);
    }

    private static ComboBox<String> secretBox(String id, TriggerWizardViewModel vm) {
        ComboBox<String> box = new ComboBox<>(vm.secrets());
        box.setId(id);
        box.setEditable(true);
        box.setPromptText("arn:aws:secretsmanager:…:secret:name");
        box.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private static HBox row(Node field, Node button) {
        HBox row = new HBox(8, field, button);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
