package io.triggerlab.console.systemlogs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** One line per system log event for the table: what the event's own object says, in AWS's member names. */
final class SystemLogSummaries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SystemLogSummaries() {
    }

    static String of(String json) {
        JsonNode event;
        try {
            event = JSON.readTree(json);
        } catch (IOException e) {
            return json;
        }
        if (event.has("error")) {
            JsonNode error = event.path("error");
            return error.path("errorCode").asText() + ": " + error.path("errorMessage").asText();
        }
        if (event.has("kafkaEventSourceConnection")) {
            JsonNode c = event.path("kafkaEventSourceConnection");
            List<String> partitions = new ArrayList<>();
            c.path("assignedPartitions").forEach(p -> partitions.add(p.asText()));
            return c.path("consumerId").asText() + " owns " + c.path("assignedPartitionCount").asInt() + " of "
                    + c.path("totalPartitionCount").asInt() + " partitions " + partitions + ", generation "
                    + c.path("partitionsAssignmentGeneration").asInt() + ", " + c.path("securityProtocol").asText();
        }
        if (event.has("kafkaPartitionOffsets")) {
            JsonNode o = event.path("kafkaPartitionOffsets");
            return o.path("partition").asText() + ": end " + known(o, "endOffset") + ", consumed "
                    + known(o, "consumedOffset") + ", processed " + known(o, "processedOffset") + ", committed "
                    + known(o, "committedOffset");
        }
        return json;
    }

    private static String known(JsonNode o, String name) {
        return o.has(name) ? o.path(name).asText() : "–";
    }
}
