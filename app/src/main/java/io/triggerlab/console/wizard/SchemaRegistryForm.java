package io.triggerlab.console.wizard;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The schema registry section's fields as the page binds them; {@link #value()} reads them all at once. */
public final class SchemaRegistryForm {

    private final BooleanProperty enabled = new SimpleBooleanProperty();
    private final StringProperty uri = new SimpleStringProperty("");
    private final StringProperty format = new SimpleStringProperty("JSON");
    private final StringProperty authType = new SimpleStringProperty("");
    private final StringProperty authSecret = new SimpleStringProperty("");
    private final StringProperty rootCa = new SimpleStringProperty("");
    private final BooleanProperty validateKey = new SimpleBooleanProperty();
    private final BooleanProperty validateValue = new SimpleBooleanProperty(true);

    Observable[] fields() {
        return new Observable[]{enabled, uri, format, authType, authSecret, rootCa, validateKey, validateValue};
    }

    public SchemaRegistrySettings value() {
        return new SchemaRegistrySettings(enabled.get(), uri.get(), format.get() == null ? "" : format.get(),
                authType.get() == null ? "" : authType.get(), authSecret.get() == null ? "" : authSecret.get(),
                rootCa.get() == null ? "" : rootCa.get(), validateKey.get(), validateValue.get());
    }

    void fill(SchemaRegistrySettings s) {
        enabled.set(s.enabled());
        uri.set(s.uri());
        format.set(s.format());
        authType.set(s.authType());
        authSecret.set(s.authSecret());
        rootCa.set(s.rootCa());
        validateKey.set(s.validateKey());
        validateValue.set(s.validateValue());
    }

    /** Whether the trigger has a SchemaRegistryConfig. */
    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /** SchemaRegistryURI: a Confluent-compatible URL or a Glue registry ARN. */
    public StringProperty uriProperty() {
        return uri;
    }

    /** EventRecordFormat: JSON or SOURCE. */
    public StringProperty formatProperty() {
        return format;
    }

    /** "" (none), BASIC_AUTH or CLIENT_CERTIFICATE_TLS_AUTH. */
    public StringProperty authTypeProperty() {
        return authType;
    }

    public StringProperty authSecretProperty() {
        return authSecret;
    }

    /** A SERVER_ROOT_CA_CERTIFICATE secret's ARN, or blank. */
    public StringProperty rootCaProperty() {
        return rootCa;
    }

    public BooleanProperty validateKeyProperty() {
        return validateKey;
    }

    public BooleanProperty validateValueProperty() {
        return validateValue;
    }
}
