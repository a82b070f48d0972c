package io.triggerlab.engine.selftest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The self-test's demo function: answers {@code {"handler":"EchoHandler","records":N,"values":["…"]}} with the
 * decoded values of the records it received.
 *
 * <p>It runs in the engine's isolated handler class loader, which sees only the JDK and Lambda's core interfaces, so it
 * deliberately uses no JSON library: Lambda's Kafka event carries each value as a base64 string in a {@code "value"}
 * field, and base64 never contains a quote, which makes a pattern match exact here. Decoding the values proves the
 * whole path: produce, poll, build the event, invoke, read the response.
 */
public class EchoHandler implements RequestStreamHandler {

    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*\"([A-Za-z0-9+/=]*)\"");

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        List<String> values = new ArrayList<>();
        Matcher m = VALUE.matcher(event);
        while (m.find()) {
            values.add(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8));
        }
        context.getLogger().log("EchoHandler got " + values.size() + " record(s)");
        StringBuilder json = new StringBuilder("{\"handler\":\"EchoHandler\",\"records\":").append(values.size())
                .append(",\"values\":[");
        for (int i = 0; i < values.size(); i++) {
            json.append(i == 0 ? "" : ",").append(quote(values.get(i)));
        }
        output.write(json.append("]}").toString().getBytes(StandardCharsets.UTF_8));
    }

    static String quote(String text) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                q.append('\\').append(c);
            } else if (c < 0x20) {
                q.append(String.format("\\u%04x", (int) c));
            } else {
                q.append(c);
            }
        }
        return q.append('"').toString();
    }
}
