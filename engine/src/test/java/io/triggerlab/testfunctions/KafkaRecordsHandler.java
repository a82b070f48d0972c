package io.triggerlab.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Summarizes each record as {@code topic-partition@offset key=value [header=value]}, decoding base64 and header bytes. */
public class KafkaRecordsHandler implements RequestHandler<KafkaEvent, String> {

    @Override
    public String handleRequest(KafkaEvent event, Context context) {
        List<String> lines = new ArrayList<>();
        event.getRecords().forEach((partition, records) -> records.forEach(record -> {
            StringBuilder line = new StringBuilder(partition + "@" + record.getOffset() + " "
                    + decode(record.getKey()) + "=" + decode(record.getValue()));
            for (Map<String, byte[]> header : record.getHeaders()) {
                header.forEach((name, value) -> line.append(" [").append(name).append('=')
                        .append(new String(value, StandardCharsets.UTF_8)).append(']'));
            }
            lines.add(line.toString());
        }));
        context.getLogger().log("got " + lines.size() + " records from " + event.getEventSource());
        return String.join("\n", lines);
    }

    private static String decode(String base64) {
        return base64 == null ? "<null>" : new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
