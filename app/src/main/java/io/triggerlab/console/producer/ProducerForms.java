package io.triggerlab.console.producer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The producer panel's last sent form per topic, and the last topic, so reopening the panel (also after a console
 * restart, when a file is given) brings back what was sent there last. Used on the FX thread only; a missing or
 * damaged file starts empty and is said in the log, never in the way.
 */
public final class ProducerForms {

    /** Beside the console's other settings in the data directory. */
    public static final String FILE_NAME = "console-producer.json";
    private static final Logger log = LoggerFactory.getLogger(ProducerForms.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Form> byTopic = new HashMap<>();
    private final Path file;
    private String lastTopic;

    /** Kept while the console runs only. */
    public ProducerForms() {
        this.file = null;
    }

    /** Kept in {@code file} (read now, written after every send). */
    public ProducerForms(Path file) {
        this.file = file;
        load();
    }

    void remember(String topic, Form form) {
        byTopic.put(topic, form);
        lastTopic = topic;
        save();
    }

    Form recall(String topic) {
        return byTopic.get(topic);
    }

    /** The topic of the last send, or {@code null}. */
    String lastTopic() {
        return lastTopic;
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            lastTopic = root.path("lastTopic").asText(null);
            root.path("topics").fields().forEachRemaining(e -> byTopic.put(e.getKey(), read(e.getValue())));
        } catch (IOException | RuntimeException e) {
            log.warn("The producer's remembered forms in {} cannot be read, starting empty: {}", file, e.getMessage());
            byTopic.clear();
        }
    }

    private static Form read(JsonNode f) {
        List<String[]> headers = new ArrayList<>();
        f.path("headers").forEach(h -> headers.add(new String[]{h.path("name").asText(""), h.path("value").asText("")}));
        JsonNode s = f.path("schema");
        return new Form(f.path("key").asText(""), ValueSource.valueOf(f.path("source").asText("JSON")),
                f.path("value").asText(""), f.path("file").asText(""), headers, f.path("partition").asText(""),
                f.path("count").asText("1"), f.path("rate").asText(""),
                new SchemaForm(ValueEncoding.valueOf(s.path("encoding").asText("NONE")), s.path("registry").asText(""),
                        s.path("subject").asText(""), s.path("schemaText").asText("")));
    }

    private void save() {
        if (file == null) {
            return;
        }
        ObjectNode root = JSON.createObjectNode().put("lastTopic", lastTopic);
        ObjectNode topics = root.putObject("topics");
        byTopic.forEach((topic, f) -> {
            ObjectNode node = topics.putObject(topic).put("key", f.key()).put("source", f.source().name())
                    .put("value", f.value()).put("file", f.file()).put("partition", f.partition())
                    .put("count", f.count()).put("rate", f.rate());
            ArrayNode headers = node.putArray("headers");
            f.headers().forEach(h -> headers.addObject().put("name", h[0]).put("value", h[1]));
            node.putObject("schema").put("encoding", f.schema().encoding().name()).put("registry", f.schema().registry())
                    .put("subject", f.schema().subject()).put("schemaText", f.schema().schemaText());
        });
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(FILE_NAME + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), root);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("The producer's forms cannot be written to {}: {}", file, e.getMessage());
        }
    }

    /** One sent form; headers as name/value pairs in order. */
    record Form(String key, ValueSource source, String value, String file, List<String[]> headers, String partition,
                String count, String rate, SchemaForm schema) {
    }

    /** The schema section of a sent form. */
    record SchemaForm(ValueEncoding encoding, String registry, String subject, String schemaText) {

        static SchemaForm of(SchemaChoice choice) {
            return new SchemaForm(choice.encodingProperty().get(), choice.registryProperty().get(),
                    choice.subjectProperty().get(), choice.schemaTextProperty().get());
        }

        void applyTo(SchemaChoice choice) {
            choice.encodingProperty().set(encoding);
            choice.registryProperty().set(registry);
            choice.subjectProperty().set(subject);
            choice.schemaTextProperty().set(schemaText);
        }
    }
}
