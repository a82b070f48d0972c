package io.triggerlab.console.demo;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A demo function shipped with the console, run in-process as a Java handler: it counts the records of each Kafka
 * event, logs a line and answers with a small JSON summary. It uses nothing but the JDK and aws-lambda-java-core, so
 * its class loader needs only the console's own jar.
 */
public final class OrderSummaryHandler implements RequestStreamHandler {

    private static final Pattern OFFSET = Pattern.compile("\"offset\"\\s*:\\s*(\\d+)");

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        Matcher offsets = OFFSET.matcher(event);
        int records = 0;
        long highest = -1;
        while (offsets.find()) {
            records++;
            highest = Math.max(highest, Long.parseLong(offsets.group(1)));
        }
        context.getLogger().log("Summarised " + records + " order records, highest offset " + highest);
        output.write(("{\"processed\":" + records + ",\"highestOffset\":" + highest + ",\"status\":\"ok\"}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
