package io.triggerlab.engine.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/**
 * The {@code partitions} column: a small JSON array, readable in the database too. Decoding goes through
 * {@link PartitionRange}'s constructor, so a damaged row fails loudly instead of showing wrong offsets.
 */
final class PartitionRangesJson {

    private static final TypeReference<List<PartitionRange>> LIST = new TypeReference<>() {
    };

    /** Configured once and never changed: ObjectMapper is then safe to share between threads. */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PartitionRangesJson() {
    }

    static String write(List<PartitionRange> ranges) {
        try {
            return MAPPER.writeValueAsString(ranges);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write partition ranges " + ranges + " as JSON", e);
        }
    }

    static List<PartitionRange> read(String json, long invocationId) {
        try {
            return List.copyOf(MAPPER.readValue(json, LIST));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new HistoryStoreException("The partitions of stored invocation " + invocationId
                    + " are not valid (" + e.getMessage() + "): the history database is damaged", e);
        }
    }
}
