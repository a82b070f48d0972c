package io.triggerlab.console.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.infra.secrets.SecretMetadata;
import io.triggerlab.engine.infra.secrets.SecretShapes;
import io.triggerlab.engine.infra.secrets.SecretValue;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates or edits one secret of the local vault: a name (or full ARN), its shape and its fields. Values stay in this
 * ViewModel and the vault; the engine's own checks word every refusal (naming the field, never the value), and the
 * field they name is marked.
 */
public final class SecretEditorViewModel {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAMED_FIELD = Pattern.compile("\"(username|password|certificate|privateKey|privateKeyPassword)\"");

    private final SecretsBackend backend;
    private final BackgroundWork work;

    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<SecretKind> kind = new SimpleObjectProperty<>(SecretKind.USERNAME_PASSWORD);
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty certificate = new SimpleStringProperty("");
    private final StringProperty privateKey = new SimpleStringProperty("");
    private final StringProperty privateKeyPassword = new SimpleStringProperty("");
    private final BooleanProperty showValues = new SimpleBooleanProperty();
    private final StringBinding size;
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorField = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SecretMetadata> saved = new ReadOnlyObjectWrapper<>();

    public SecretEditorViewModel(SecretsBackend backend, BackgroundWork work) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.work = Objects.requireNonNull(work, "work");
        this.size = Bindings.createStringBinding(this::describeSize, kind, username, password, certificate, privateKey,
                privateKeyPassword);
    }

    /** Loads a stored secret into the form (in the background); its ARN cannot change. */
    public void edit(SecretMetadata secret) {
        editing.set(true);
        name.set(secret.arn());
        kind.set(SecretKind.ofFields(secret.fields()));
        busy.set(true);
        work.submit("read the secret", () -> JSON.readTree(backend.value(secret.arn()).json()), root -> {
            busy.set(false);
            username.set(text(root, "username"));
            password.set(text(root, "password"));
            certificate.set(text(root, "certificate"));
            privateKey.set(text(root, "privateKey"));
            privateKeyPassword.set(text(root, "privateKeyPassword"));
        }, message -> {
            busy.set(false);
            errorMessage.set(message);
        });
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? "" : node.asText();
    }

    /** Checks the secret as the engine will, then stores it; {@link #savedProperty()} gets its metadata. */
    public void save() {
        errorMessage.set("");
        errorField.set("");
        String arn;
        SecretValue value;
        try {
            arn = arn();
            value = value();
            SecretShapes.requireValidArn(arn);
            SecretShapes.requireStorable(arn, value);
        } catch (RuntimeException e) {
            fail(e.getMessage());
            return;
        }
        busy.set(true);
        work.submit("store the secret", () -> backend.put(arn, value), stored -> {
            busy.set(false);
            saved.set(stored);
        }, message -> {
            busy.set(false);
            fail(message);
        });
    }

    private void fail(String message) {
        errorMessage.set(message);
        Matcher field = NAMED_FIELD.matcher(message == null ? "" : message);
        errorField.set(field.find() ? field.group(1) : "");
    }

    /** The ARN: as typed when it is one, else a name in the engine's region and account. */
    String arn() {
        String typed = name.get().strip();
        if (typed.isEmpty()) {
            throw new IllegalArgumentException("The secret needs a name (e.g. alice) or a Secrets Manager ARN");
        }
        return typed.startsWith("arn:") ? typed
                : "arn:aws:secretsmanager:" + backend.region() + ":" + backend.accountId() + ":secret:" + typed;
    }

    /** The secret's JSON in the chosen shape; an empty optional field is left out. */
    SecretValue value() {
        ObjectNode root = JSON.createObjectNode();
        switch (kind.get()) {
            case USERNAME_PASSWORD -> root.put("username", username.get()).put("password", password.get());
            case CLIENT_CERTIFICATE -> {
                root.put("certificate", certificate.get()).put("privateKey", privateKey.get());
                if (!privateKeyPassword.get().isEmpty()) {
                    root.put("privateKeyPassword", privateKeyPassword.get());
                }
            }
            case SERVER_ROOT_CA -> root.put("certificate", certificate.get());
        }
        return new SecretValue(root.toString());
    }

    private String describeSize() {
        int bytes = value().sizeBytes();
        String text = String.format(Locale.ROOT, "%,d of %,d bytes", bytes, SecretShapes.MAX_SECRET_BYTES);
        return bytes > SecretShapes.MAX_SECRET_BYTES ? text + ": too large for Secrets Manager" : text;
    }

    /** Reads a PEM file into the certificate (true) or the private key (false), in the background. */
    public void loadPem(Path file, boolean intoCertificate) {
        work.submit("read " + file.getFileName(), () -> {
            try {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
            }
        }, pem -> (intoCertificate ? certificate : privateKey).set(pem), errorMessage::set);
    }

    /** A name such as {@code alice}, or a full {@code arn:aws:secretsmanager:…:secret:…}. */
    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<SecretKind> kindProperty() {
        return kind;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** PEM; the client certificate chain, or the root CA. */
    public StringProperty certificateProperty() {
        return certificate;
    }

    /** PKCS#8 PEM. */
    public StringProperty privateKeyProperty() {
        return privateKey;
    }

    public StringProperty privateKeyPasswordProperty() {
        return privateKeyPassword;
    }

    /** Whether the view shows the values in clear; masked by default. */
    public BooleanProperty showValuesProperty() {
        return showValues;
    }

    /** E.g. "52 of 65,536 bytes", with a warning above the limit. */
    public StringBinding sizeProperty() {
        return size;
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The engine's message for the last refusal, or empty. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** The JSON field that message names (e.g. "password"), or empty. */
    public ReadOnlyStringProperty errorFieldProperty() {
        return errorField.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SecretMetadata> savedProperty() {
        return saved.getReadOnlyProperty();
    }
}
