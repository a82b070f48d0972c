package io.triggerlab.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kafka-triggered handler for the java17/java21 runtime targets, run by AWS's Java runtime interface client in a
 * child JVM. Like the Python and Node.js handlers in test resources/runtime-functions, values ending in "-once" act
 * once per marker directory; a static counter proves warm reuse.
 */
public class RuntimeKafkaHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static int invocations;

    static {
        System.out.println("java init");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        invocations++;
        List<String> values = new ArrayList<>();
        for (Object partition : ((Map<String, Object>) event.get("records")).values()) {
            for (Object record : (List<Object>) partition) {
                String value = (String) ((Map<String, Object>) record).get("value");
                values.add(new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8));
            }
        }
        context.getLogger().log("values " + String.join(",", values) + " invocation " + invocations + " "
                + context.getAwsRequestId());
        System.out.println("function " + context.getFunctionName() + " has "
                + (context.getRemainingTimeInMillis() > 0 ? "time" : "no time") + " left");
        for (String value : values) {
            if (value.equals("fail-once") && once(value)) {
                throw new IllegalStateException("boom " + value);
            }
            if (value.equals("sleep-once") && once(value)) {
                sleep();
            }
            if (value.equals("crash-once") && once(value)) {
                Runtime.getRuntime().halt(7);
            }
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("invocation", invocations);
        response.put("records", values.size());
        response.put("values", values);
        return response;
    }

    private static boolean once(String value) {
        Path marker = Path.of(System.getenv("MARKER_DIR"), value);
        try {
            Files.createFile(marker);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
