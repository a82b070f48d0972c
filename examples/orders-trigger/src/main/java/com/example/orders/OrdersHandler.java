package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The function under test: accepts order records and fails the whole batch on one it cannot read, as a handler
 * without ReportBatchItemFailures does. What the trigger then does (retry, bisect, send to a destination) is what
 * the tests check.
 */
public final class OrdersHandler implements RequestHandler<KafkaEvent, String> {

    @Override
    public String handleRequest(KafkaEvent event, Context context) {
        int orders = 0;
        for (List<KafkaEvent.KafkaEventRecord> partition : event.getRecords().values()) {
            for (KafkaEvent.KafkaEventRecord record : partition) {
                String value = new String(Base64.getDecoder().decode(record.getValue()), StandardCharsets.UTF_8);
                if (!value.startsWith("{")) {
                    throw new IllegalArgumentException("Order at offset " + record.getOffset() + " is not JSON: " + value);
                }
                orders++;
            }
        }
        context.getLogger().log("processed " + orders + " order(s)");
        return "processed " + orders;
    }
}
