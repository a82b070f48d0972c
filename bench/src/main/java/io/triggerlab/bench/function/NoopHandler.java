package io.triggerlab.bench.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * The throughput benchmark's function: returns at once without reading the event, so everything measured is the
 * engine's work (poll, batch, event JSON, invoke, history, commit). Loaded by the engine in its own class loader.
 */
public class NoopHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        // Nothing: the benchmark measures the engine, not the function.
    }
}
