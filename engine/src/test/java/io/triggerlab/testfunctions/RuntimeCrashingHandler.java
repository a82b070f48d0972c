package io.triggerlab.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.Map;

/** A handler whose class cannot initialize: the java runtime target's init error. */
public class RuntimeCrashingHandler implements RequestHandler<Map<String, Object>, String> {

    static {
        if (Boolean.parseBoolean("true")) {
            throw new IllegalStateException("init failed");
        }
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return "never";
    }
}
