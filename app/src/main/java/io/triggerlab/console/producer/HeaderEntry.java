package io.triggerlab.console.producer;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One editable header row of the producer panel: a name and a UTF-8 text value. */
public final class HeaderEntry {

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty value = new SimpleStringProperty("");

    public HeaderEntry(String name, String value) {
        this.name.set(name);
        this.value.set(value);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty valueProperty() {
        return value;
    }
}
