package io.triggerlab.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.Map;

/** Fails every batch, with a cause. */
public class ThrowingHandler implements RequestHandler<Map<String, Object>, String> {

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        context.getLogger().log("about to fail");
        throw new IllegalStateException("cannot process offset 15", new UncheckedIOException(new IOException("disk full")));
    }
}
