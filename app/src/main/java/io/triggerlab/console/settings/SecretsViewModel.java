package io.triggerlab.console.settings;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.infra.secrets.SecretMetadata;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Settings › Secrets: the local vault's secrets (never their values), the commands to create, edit and remove them, and
 * the AWS Secrets Manager settings in aws.properties.
 */
public final class SecretsViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SecretsBackend backend;
    private final BackgroundWork work;
    private final ZoneId zone;
    private final ObservableList<SecretRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<SecretRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");

    private final BooleanProperty secretsManagerEnabled = new SimpleBooleanProperty();
    private final StringProperty profile = new SimpleStringProperty("");
    private final StringProperty region = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper awsMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper awsError = new ReadOnlyStringWrapper("");

    public SecretsViewModel(SecretsBackend backend, BackgroundWork work, ZoneId zone) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.work = Objects.requireNonNull(work, "work");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Loads the secrets' metadata and the Secrets Manager settings. */
    public void reload() {
        work.submit("list the secrets", backend::list, list -> {
            errorMessage.set("");
            rows.setAll(list.stream().map(this::row).toList());
        }, errorMessage::set);
        work.submit("read aws.properties", backend::secretsManager, settings -> {
            secretsManagerEnabled.set(settings.enabled());
            profile.set(settings.profile());
            region.set(settings.region());
        }, awsError::set);
    }

    private SecretRow row(SecretMetadata m) {
        int name = m.arn().indexOf(":secret:");
        return new SecretRow(name < 0 ? m.arn() : m.arn().substring(name + ":secret:".length()), m.arn(),
                String.join(", ", m.fields()), m.sizeBytes() + " bytes", TIME.format(m.updated().atZone(zone)), m);
    }

    /** A new editor; with {@code row} set it edits that secret. */
    public SecretEditorViewModel editor(SecretRow row) {
        SecretEditorViewModel editor = new SecretEditorViewModel(backend, work);
        if (row != null) {
            editor.edit(row.metadata());
        }
        return editor;
    }

    /** Removes the selected secret (the view asks first). Triggers that name it fail until it is stored again. */
    public void removeSelected() {
        SecretRow row = selected.get();
        if (row == null) {
            return;
        }
        work.submit("remove the secret", () -> backend.remove(row.arn()), removed -> reload(), errorMessage::set);
    }

    /** Writes the Secrets Manager settings to aws.properties; the engine reads them when it next starts. */
    public void saveSecretsManager() {
        awsError.set("");
        awsMessage.set("");
        SecretsManagerSettings settings;
        try {
            settings = new SecretsManagerSettings(secretsManagerEnabled.get(), profile.get(), region.get());
        } catch (IllegalArgumentException e) {
            awsError.set(e.getMessage());
            return;
        }
        work.submit("save aws.properties", () -> {
            backend.saveSecretsManager(settings);
            return settings;
        }, saved -> awsMessage.set("Saved to aws.properties. The engine reads it at start: restart the engine "
                + "(Clusters tab) or the console to apply it."), awsError::set);
    }

    public ObservableList<SecretRow> rows() {
        return rows;
    }

    public ObjectProperty<SecretRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** Look up secrets the local vault lacks in AWS Secrets Manager. */
    public BooleanProperty secretsManagerEnabledProperty() {
        return secretsManagerEnabled;
    }

    /** The named AWS profile; empty for the default credentials chain. */
    public StringProperty profileProperty() {
        return profile;
    }

    /** Secrets Manager's region; empty for the engine's. */
    public StringProperty regionProperty() {
        return region;
    }

    /** That the settings were saved and when they apply, or empty. */
    public ReadOnlyStringProperty awsMessageProperty() {
        return awsMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty awsErrorProperty() {
        return awsError.getReadOnlyProperty();
    }

    /** One stored secret as the table shows it: never its value. */
    public record SecretRow(String name, String arn, String fields, String size, String updated, SecretMetadata metadata) {
    }
}
