package io.triggerlab.engine.runtime.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggerlab.engine.runtime.schema.DecodedRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import software.amazon.event.ruler.Machine;

import java.io.IOException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A mapping's {@code FilterCriteria} applied to Kafka records (docs/aws-behaviour.md#filtering): the filters are ORed; a record with no
 * filter matching is not sent to the function. Matching is Event Ruler's (the library EventBridge uses): all of a
 * mapping's patterns go into one machine, which finds the matching ones in a single pass over the record.
 *
 * <p>What a pattern sees for one record (TriggerLab's reading of AWS, {@code docs/aws-reading.md}):
 * <pre>{"topic":…,"partition":…,"offset":…,"timestamp":…,"timestampType":…,"key":"&lt;base64&gt;","value":…}</pre>
 * {@code value} is the record's value decoded as UTF-8: a JSON object or array when it parses as one (so
 * {@code {"value":{"status":["active"]}}} matches inside it), otherwise the plain string (matched by
 * {@code {"value":["hello"]}} or {@code {"value":[{"prefix":"he"}]}}). A value that is not valid UTF-8, or absent
 * (tombstone), leaves {@code value} out, so only the metadata fields can match. {@code key} is base64 as in the event.
 *
 * <p>Immutable and thread-safe (Event Ruler's machine is safe for concurrent matching once built).
 */
public final class RecordFilter {

    /** No filters: every record passes. */
    public static final RecordFilter NONE = new RecordFilter(List.of());

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<FilterPattern> patterns;
    private final Machine machine;

    private RecordFilter(List<FilterPattern> patterns) {
        this.patterns = List.copyOf(patterns);
        this.machine = new Machine();
        for (int i = 0; i < patterns.size(); i++) {
            try {
                machine.addRule(Integer.toString(i), patterns.get(i).source());
            } catch (IOException e) {
                // parse() already ran Event Ruler's own check on the same text, so this means a library fault.
                throw new InvalidFilterPatternException("filter " + (i + 1) + " does not compile: " + e.getMessage());
            }
        }
    }

    /**
     * @param patterns the {@code Pattern} texts of {@code FilterCriteria.Filters}; empty means no filtering
     * @throws InvalidFilterPatternException if one does not parse (the mapping validator refuses these earlier)
     */
    public static RecordFilter of(List<String> patterns) {
        return patterns.isEmpty() ? NONE : new RecordFilter(patterns.stream().map(FilterPattern::parse).toList());
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    public int size() {
        return patterns.size();
    }

    /** True when the record is to be sent: no filters, or at least one pattern matches it. */
    public boolean accepts(ConsumerRecord<byte[], byte[]> record) {
        if (patterns.isEmpty()) {
            return true;
        }
        return !machine.rulesForJSONEvent(view(record)).isEmpty();
    }

    /** The JSON object the patterns are matched against. */
    static ObjectNode view(ConsumerRecord<byte[], byte[]> record) {
        ObjectNode view = JSON.createObjectNode();
        view.put("topic", record.topic());
        view.put("partition", record.partition());
        view.put("offset", record.offset());
        view.put("timestamp", record.timestamp());
        view.put("timestampType", record.timestampType().name());
        if (record.key() != null) {
            view.put("key", Base64.getEncoder().encodeToString(record.key()));
        }
        if (record instanceof DecodedRecord decoded && decoded.decodedValue().isPresent()) {
            // A schema registry decoded the value: filters see the record, whatever format it is delivered in.
            view.set("value", decoded.decodedValue().get());
        } else {
            value(record.value()).ifPresent(v -> view.set("value", v));
        }
        return view;
    }

    private static Optional<JsonNode> value(byte[] bytes) {
        if (bytes == null) {
            return Optional.empty();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                JsonNode parsed = JSON.readTree(trimmed);
                if (parsed != null && parsed.isContainerNode()) {
                    return Optional.of(parsed);
                }
            } catch (JsonProcessingException e) {
                // Not JSON after all: it is matched as the plain string it is.
            }
        }
        return Optional.of(JSON.getNodeFactory().textNode(text));
    }
}
