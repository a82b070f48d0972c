package io.triggerlab.engine.selftest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EchoHandlerTest {

    private final List<String> logLines = new ArrayList<>();

    @Test
    void answersWithTheDecodedValuesOfEveryRecord() throws Exception {
        // "aGk=" is "hi", "IsOrIg==" is "\"ë\"" (quotes and a non-ASCII letter), as Lambda's MSK event carries them.
        String event = """
                {"eventSource":"aws:kafka","records":{"t-0":[
                  {"topic":"t","partition":0,"offset":0,"key":null,"value":"aGk=","headers":[]},
                  {"topic":"t","partition":0,"offset":1,"key":"aw==","value":"IsOrIg==","headers":[]}]}}
                """;

        String response = invoke(event);

        assertThat(response).isEqualTo("{\"handler\":\"EchoHandler\",\"records\":2,\"values\":[\"hi\",\"\\\"ë\\\"\"]}");
        assertThat(logLines).containsExactly("EchoHandler got 2 record(s)");
    }

    @Test
    void answersWithNoValues_whenTheEventHasNoRecords() throws Exception {
        assertThat(invoke("{\"eventSource\":\"aws:kafka\",\"records\":{}}"))
                .isEqualTo("{\"handler\":\"EchoHandler\",\"records\":0,\"values\":[]}");
    }

    @Test
    void quoteEscapesWhatJsonRequires() {
        assertThat(EchoHandler.quote("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\u000ad\"");
    }

    private String invoke(String event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EchoHandler().handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, context());
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Only getLogger is called; a proxy keeps the test free of the engine's internal Context class. */
    private Context context() {
        LambdaLogger logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                logLines.add(message);
            }

            @Override
            public void log(byte[] message) {
                logLines.add(new String(message, StandardCharsets.UTF_8));
            }
        };
        return (Context) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> method.getName().equals("getLogger") ? logger : null);
    }
}
