package io.triggerlab.console.wizard;

import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.DatePicker;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A date picker for AT_TIMESTAMP that writes into the timestamp text ({@link TriggerForm#TIMESTAMP_PATTERN}), keeping
 * the time of day already typed (midnight when none): the text field stays the place for the exact time.
 */
final class TimestampPicker {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern(TriggerForm.TIMESTAMP_PATTERN);

    private TimestampPicker() {
    }

    static DatePicker of(StringProperty timestamp, ObservableBooleanValue locked) {
        DatePicker picker = new DatePicker();
        picker.setId("wizard-timestamp-date");
        picker.setPromptText("Pick a date");
        picker.setPrefWidth(150);
        picker.disableProperty().bind(locked);
        picker.valueProperty().addListener((o, was, date) -> {
            if (date != null && !date.equals(dateOf(timestamp.get()))) {
                LocalDateTime typed = parse(timestamp.get());
                timestamp.set(FORMAT.format(date.atTime(typed == null ? java.time.LocalTime.MIDNIGHT
                        : typed.toLocalTime())));
            }
        });
        timestamp.addListener((o, was, is) -> {
            LocalDate date = dateOf(is);
            if (date != null && !date.equals(picker.getValue())) {
                picker.setValue(date);
            }
        });
        return picker;
    }

    private static LocalDate dateOf(String text) {
        LocalDateTime parsed = parse(text);
        return parsed == null ? null : parsed.toLocalDate();
    }

    private static LocalDateTime parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip(), FORMAT);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
