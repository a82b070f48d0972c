package io.triggerlab.console.tags;

import io.triggerlab.console.common.BackgroundWork;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.concurrent.Callable;

/**
 * The trigger page's "Tags" tab: the trigger's tags as ListTags answers them, add or change one (TagResource) and
 * remove the selected ones (UntagResource). The API checks keys, values and the 50-tag limit; its message is shown
 * as it comes, so what fails here fails the same way from Terraform or the AWS CLI.
 */
public final class TagsViewModel {

    private final TagsBackend backend;
    private final BackgroundWork work;

    private final ObservableList<TagRow> rows = FXCollections.observableArrayList();
    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty value = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    /** The trigger shown; answers about another one arrive too late and are dropped. */
    private String uuid;

    public TagsViewModel(TagsBackend backend, BackgroundWork work) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.work = Objects.requireNonNull(work, "work");
    }

    /** Shows the tags of this trigger (null: none). */
    public void show(String mappingUuid) {
        if (Objects.equals(mappingUuid, uuid)) {
            return;
        }
        uuid = mappingUuid;
        rows.clear();
        summary.set("");
        errorMessage.set("");
        key.set("");
        value.set("");
        if (mappingUuid != null) {
            reload();
        }
    }

    /** ListTags again. */
    public void reload() {
        run("read the tags", () -> backend.list(uuid));
    }

    /** TagResource with the key and value typed; a key already there gets the new value. */
    public void add() {
        String k = key.get() == null ? "" : key.get().strip();
        if (k.isEmpty()) {
            errorMessage.set("Type a tag key (1 to 128 characters), and a value if you want one.");
            return;
        }
        String v = value.get() == null ? "" : value.get().strip();
        run("tag the trigger", () -> {
            backend.tag(uuid, Map.of(k, v));
            return backend.list(uuid);
        }, () -> {
            key.set("");
            value.set("");
        });
    }

    /** UntagResource with the keys of these rows. */
    public void remove(List<TagRow> selected) {
        if (selected.isEmpty()) {
            return;
        }
        List<String> keys = selected.stream().map(TagRow::key).toList();
        run("remove the tags", () -> {
            backend.untag(uuid, keys);
            return backend.list(uuid);
        });
    }

    private void run(String what, Callable<SortedMap<String, String>> call) {
        run(what, call, () -> { });
    }

    private void run(String what, Callable<SortedMap<String, String>> call, Runnable afterSuccess) {
        if (uuid == null) {
            return;
        }
        String asked = uuid;
        errorMessage.set("");
        busy.set(true);
        work.submit(what, call, tags -> {
            if (asked.equals(uuid)) {
                busy.set(false);
                showTags(tags);
                afterSuccess.run();
            }
        }, message -> {
            if (asked.equals(uuid)) {
                busy.set(false);
                errorMessage.set(message);
            }
        });
    }

    private void showTags(SortedMap<String, String> tags) {
        rows.setAll(tags.entrySet().stream().map(e -> new TagRow(e.getKey(), e.getValue())).toList());
        summary.set(tags.isEmpty() ? "No tags. Tags are kept with the trigger's ARN, as ListTags answers them."
                : tags.size() + (tags.size() == 1 ? " tag" : " tags") + " of at most 50.");
    }

    /** The tags, by key. */
    public ObservableList<TagRow> rows() {
        return rows;
    }

    public StringProperty keyProperty() {
        return key;
    }

    public StringProperty valueProperty() {
        return value;
    }

    /** "3 tags of at most 50." */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the last call failed (the API's message), or empty. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }
}
