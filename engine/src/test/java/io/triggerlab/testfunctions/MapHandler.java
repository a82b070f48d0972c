package io.triggerlab.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Reads the event as a plain map and answers with its source and partitions. */
public class MapHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> records = (Map<String, Object>) event.get("records");
        return Map.of("eventSource", event.get("eventSource"), "partitions", List.copyOf(new TreeSet<>(records.keySet())));
    }
}
