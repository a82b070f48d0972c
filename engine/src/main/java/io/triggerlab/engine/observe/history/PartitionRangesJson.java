package io.triggerlab.engine.observe.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.util.List;

/**
 * The {@code partitions} column: a small JSON array, readable in the database too. Decoding goes through
 * {@link PartitionRange}'s constructor, so a damaged row fails loudly instead of showing wrong offsets.
 */
final class PartitionRangesJson {

    /** Immutable and thread-safe; built once so that reading a page of rows does not resolve the type per row. */
    private static final ObjectReader READER = new ObjectMapper().readerFor(new TypeReference<List<PartitionRange>>() {
    });
    private static final ObjectWriter WRITER = new ObjectMapper().writerFor(new TypeReference<List<PartitionRange>>() {
    });

    private PartitionRangesJson() {
    }

    static String write(List<PartitionRange> ranges) {
        try {
            return WRITER.writeValueAsString(ranges);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write partition ranges " + ranges + " as JSON", e);
        }
    }

    static List<PartitionRange> read(String json, long invocationId) {
        try {
            return List.copyOf(READER.<List<PartitionRange>>readValue(json));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new HistoryStoreException("The partitions of stored invocation " + invocationId
                    + " are not valid (" + e.getMessage() + "): the history database is damaged", e);
        }
    }
}
