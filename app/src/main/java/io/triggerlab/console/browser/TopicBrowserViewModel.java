package io.triggerlab.console.browser;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.console.inspector.DecodedBytes;
import io.triggerlab.console.inspector.HeaderRow;
import io.triggerlab.console.inspector.RecordRow;
import io.triggerlab.engine.infra.cluster.RecordQuery;
import io.triggerlab.engine.infra.cluster.StoredRecord;
import io.triggerlab.engine.infra.cluster.TestRecord;
import io.triggerlab.engine.infra.cluster.TopicInfo;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;

/**
 * Records › Browse topic…: reads records of any topic of the cluster in use (by partition, from an offset or a time,
 * newest or oldest first), without a consumer group, and finds the ones whose key, value or headers contain a text.
 * The rows are the inspector's {@link RecordRow}s, so the same decoded views show them.
 */
public final class TopicBrowserViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final TopicBrowserBackend backend;
    private final BackgroundWork work;
    private final ZoneId zone;

    private final StringProperty topic = new SimpleStringProperty("");
    private final ObservableList<String> topics = FXCollections.observableArrayList();
    private final StringProperty partition = new SimpleStringProperty("");
    private final StringProperty from = new SimpleStringProperty("");
    private final BooleanProperty newestFirst = new SimpleBooleanProperty(true);
    private final StringProperty limit = new SimpleStringProperty("100");
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<RecordRow> records = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private List<RecordRow> read = List.of();
    /** The record each row shows, as read: Produce again and Send to function need its exact bytes. */
    private final Map<RecordRow, StoredRecord> stored = new IdentityHashMap<>();

    public TopicBrowserViewModel(TopicBrowserBackend backend, BackgroundWork work, ZoneId zone) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.work = Objects.requireNonNull(work, "work");
        this.zone = Objects.requireNonNull(zone, "zone");
        search.addListener(o -> applySearch());
    }

    public void loadTopics() {
        work.submit("list the topics", backend::topics,
                list -> topics.setAll(list.stream().map(TopicInfo::name).toList()), error::set);
    }

    /** Reads the records the fields describe; {@link #records()} gets the ones that match the search. */
    public void read() {
        error.set("");
        RecordQuery query;
        try {
            query = query();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        summary.set("Reading " + query.topic() + "…");
        work.submit("read the topic", () -> backend.read(query).stream().map(r -> new Read(row(r), r)).toList(), reads -> {
            stored.clear();
            reads.forEach(r -> stored.put(r.row(), r.record()));
            read = reads.stream().map(Read::row).toList();
            applySearch();
        }, message -> {
            summary.set("");
            error.set(message);
        });
    }

    private RecordQuery query() {
        String name = topic.get() == null ? "" : topic.get().strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Choose the topic to browse.");
        }
        Integer onePartition = blank(partition.get()) ? null : number(partition.get(), "Partition");
        Long offset = null;
        Instant time = null;
        String start = from.get() == null ? "" : from.get().strip();
        if (!start.isEmpty()) {
            if (start.chars().allMatch(Character::isDigit)) {
                offset = Long.parseLong(start);
            } else {
                time = time(start);
            }
        }
        int most = blank(limit.get()) ? 100 : number(limit.get(), "Records");
        return new RecordQuery(name, onePartition, offset, time, newestFirst.get(), most);
    }

    private Instant time(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException notInstant) {
            try {
                return LocalDateTime.parse(text, TYPED).atZone(zone).toInstant();
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("From '" + text + "' is neither an offset nor a time: give an offset "
                        + "(42), a local time (2026-01-31 09:30:00) or an ISO instant (2026-01-31T09:30:00Z).");
            }
        }
    }

    private static int number(String text, String what) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text.strip() + "' is not a whole number.");
        }
    }

    private void applySearch() {
        String needle = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        List<RecordRow> shown = needle.isEmpty() ? read : read.stream().filter(r -> contains(r, needle)).toList();
        records.setAll(shown);
        summary.set(read.isEmpty() ? "No records in that range." : needle.isEmpty() ? read.size() + " records read."
                : shown.size() + " of " + read.size() + " records contain \"" + search.get().strip() + "\" in a key, "
                + "value or header.");
    }

    private static boolean contains(RecordRow r, String needle) {
        List<DecodedBytes> parts = new ArrayList<>();
        if (r.key() != null) {
            parts.add(r.key());
        }
        if (r.value() != null) {
            parts.add(r.value());
        }
        for (HeaderRow h : r.headers()) {
            if (h.name().toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
            if (h.bytes() != null) {
                parts.add(h.bytes());
            }
        }
        return parts.stream().anyMatch(p -> p.text().map(t -> t.toLowerCase(Locale.ROOT).contains(needle)).orElse(false)
                || p.hex().replace("\n", " ").contains(needle));
    }

    private RecordRow row(StoredRecord r) {
        List<HeaderRow> headers = new ArrayList<>();
        for (TestRecord.Header h : r.headers()) {
            byte[] value = h.value() == null ? new byte[0] : h.value();
            DecodedBytes bytes = DecodedBytes.ofBytes(value);
            List<String> signed = new ArrayList<>();
            for (byte b : value) {
                signed.add(String.valueOf(b));
            }
            headers.add(new HeaderRow(h.name(), bytes.text().orElse("(not UTF-8; hex " + bytes.hex().replace('\n', ' ')
                    + ")"), "[" + String.join(", ", signed) + "]", bytes));
        }
        return new RecordRow(r.topic() + "-" + r.partition(), r.offset(), TIME.format(r.timestamp().atZone(zone)),
                r.timestampType(), r.key() == null ? null : DecodedBytes.ofBytes(r.key()),
                r.value() == null ? null : DecodedBytes.ofBytes(r.value()), headers);
    }

    /** A row decoded in the background, with the record it shows. */
    private record Read(RecordRow row, StoredRecord record) {
    }

    /** The record as read for one of {@link #records()}; empty for a row this browser did not read. */
    public Optional<StoredRecord> stored(RecordRow row) {
        return Optional.ofNullable(row == null ? null : stored.get(row));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public StringProperty topicProperty() {
        return topic;
    }

    public ObservableList<String> topics() {
        return topics;
    }

    /** One partition, or blank for all. */
    public StringProperty partitionProperty() {
        return partition;
    }

    /** An offset, a local time (yyyy-MM-dd HH:mm:ss) or an ISO instant; blank for the end (newest first) or start. */
    public StringProperty fromProperty() {
        return from;
    }

    public BooleanProperty newestFirstProperty() {
        return newestFirst;
    }

    public StringProperty limitProperty() {
        return limit;
    }

    /** Text to find in keys, values (UTF-8 or hex) and header names and values. */
    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<RecordRow> records() {
        return records;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
