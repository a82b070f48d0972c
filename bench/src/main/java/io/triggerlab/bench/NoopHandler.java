package io.triggerlab.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.Map;

/** The no-op handler the runtime overhead benchmark invokes: whatever an invocation costs is overhead. */
public class NoopHandler implements RequestHandler<Map<String, Object>, String> {

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return "ok";
    }
}
