package io.triggerlab.console.trigger;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.runtime.offsets.OffsetReset;
import io.triggerlab.engine.runtime.offsets.OffsetResetResult;
import io.triggerlab.engine.runtime.offsets.PartitionOffsetReset;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The "Reset offsets" dialog of one disabled trigger (a TriggerLab extra: the Lambda console has none): the target
 * (earliest, latest, a date and time), the confirmation of what will be delivered again, and the per-partition result.
 */
public final class OffsetResetViewModel {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final EventSourceMapping mapping;
    private final OffsetResetBackend backend;
    private final BackgroundWork work;
    private final ZoneId zone;

    private final ObjectProperty<ResetTarget> target = new SimpleObjectProperty<>(ResetTarget.EARLIEST);
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final StringProperty time = new SimpleStringProperty("00:00:00");
    private final ReadOnlyStringWrapper confirmation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper();

    /** @param today the date the date picker starts at */
    public OffsetResetViewModel(EventSourceMapping mapping, OffsetResetBackend backend, BackgroundWork work, ZoneId zone,
                                LocalDate today) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.work = Objects.requireNonNull(work, "work");
        this.zone = Objects.requireNonNull(zone, "zone");
        date.set(today);
        target.addListener((o, was, is) -> describe());
        date.addListener((o, was, is) -> describe());
        time.addListener((o, was, is) -> describe());
        describe();
    }

    /** "Reset the offsets of orders-fn" for the dialog's header. */
    public String title() {
        return "Reset the offsets of topic " + mapping.topic();
    }

    /**
     * The target chosen, in the engine's terms.
     *
     * @throws IllegalArgumentException when the date or time cannot be read
     */
    public OffsetReset chosen() {
        return switch (target.get()) {
            case EARLIEST -> new OffsetReset.Earliest();
            case LATEST -> new OffsetReset.Latest();
            case AT_TIMESTAMP -> new OffsetReset.AtTimestamp(timestamp());
        };
    }

    private java.time.Instant timestamp() {
        if (date.get() == null) {
            throw new IllegalArgumentException("Choose a date to reset to");
        }
        try {
            return date.get().atTime(LocalTime.parse(time.get().strip())).atZone(zone).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("'" + time.get() + "' is not a time of day: use HH:mm or HH:mm:ss, "
                    + "e.g. 14:30:00");
        }
    }

    /** Resets the consumer group to the chosen target (the view shows the confirmation first). */
    public void reset() {
        OffsetReset chosen;
        try {
            chosen = chosen();
        } catch (IllegalArgumentException e) {
            errorMessage.set(e.getMessage());
            return;
        }
        errorMessage.set("");
        busy.set(true);
        work.submit("reset the offsets", () -> backend.resetOffsets(mapping.uuid(), chosen), reset -> {
            busy.set(false);
            done.set(true);
            result.set(describe(reset));
        }, message -> {
            busy.set(false);
            errorMessage.set(message);
        });
    }

    private void describe() {
        String topic = "topic " + mapping.topic();
        switch (target.get()) {
            case EARLIEST -> confirmation.set("Records from the earliest offset still in each partition of " + topic
                    + " will be delivered again when you enable the trigger.");
            case LATEST -> confirmation.set("Records already in " + topic + " are skipped: only records produced "
                    + "from now on will be delivered when you enable the trigger.");
            case AT_TIMESTAMP -> {
                try {
                    confirmation.set("Records from " + SHOWN.format(timestamp().atZone(zone)) + " on in " + topic
                            + " will be delivered again when you enable the trigger (a time past the newest record "
                            + "moves to the end).");
                    errorMessage.set("");
                } catch (IllegalArgumentException e) {
                    confirmation.set("");
                    errorMessage.set(e.getMessage());
                }
            }
        }
    }

    /** "Partition 0: 120 → 0 (120 records again)" lines. */
    static String describe(OffsetResetResult reset) {
        StringBuilder text = new StringBuilder("Consumer group " + reset.consumerGroupId() + " now starts at:\n");
        for (PartitionOffsetReset p : reset.partitions()) {
            text.append("Partition ").append(p.partition()).append(": ")
                    .append(p.hadCommittedOffset() ? String.valueOf(p.previousOffset()) : "(no committed offset)")
                    .append(" → ").append(p.newOffset());
            long again = p.redelivered();
            if (again > 0) {
                text.append(" (").append(again).append(again == 1 ? " record" : " records").append(" again)");
            } else if (again < 0) {
                text.append(" (").append(-again).append(-again == 1 ? " record" : " records").append(" skipped)");
            }
            text.append('\n');
        }
        return text.append("Enable the trigger to deliver from there.").toString();
    }

    public ObjectProperty<ResetTarget> targetProperty() {
        return target;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    /** The time of day for {@link ResetTarget#AT_TIMESTAMP}, "HH:mm:ss" in the console's zone. */
    public StringProperty timeProperty() {
        return time;
    }

    /** What will be delivered again, for the confirmation. */
    public ReadOnlyStringProperty confirmationProperty() {
        return confirmation.getReadOnlyProperty();
    }

    /** Each partition's offset before and after, once the reset is done. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True once the reset succeeded. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }
}
