package io.triggerlab.junit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.Map;

/** A function that always fails, so a test sees retries, failure outcomes and what a failing wait reports. */
public final class FailingHandler implements RequestHandler<Map<String, Object>, String> {

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        throw new IllegalStateException("boom");
    }
}
