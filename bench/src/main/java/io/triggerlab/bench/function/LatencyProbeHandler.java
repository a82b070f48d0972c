package io.triggerlab.bench.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.ObjLongConsumer;

/**
 * The latency benchmark's function: notes {@link System#nanoTime()} the moment it is entered and hands the event and
 * that time to the benchmark, which reads each record's send time from its key afterwards.
 *
 * <p>The engine loads handlers in an isolated class loader that shares only the JDK and Lambda's core interfaces, so a
 * benchmark class here would be a second copy. The one channel both sides see is a JDK object: the benchmark puts an
 * {@link ObjLongConsumer} into the system properties under {@link #PROBE_PROPERTY} before the run. Broker, producer,
 * engine and handler share one JVM, so their {@code nanoTime} values are comparable.
 */
public class LatencyProbeHandler implements RequestStreamHandler {

    public static final String PROBE_PROPERTY = "triggerlab.bench.latencyProbe";

    @Override
    @SuppressWarnings("unchecked")
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long entered = System.nanoTime();
        Object probe = System.getProperties().get(PROBE_PROPERTY);
        if (probe == null) {
            throw new IllegalStateException("No latency probe under system property " + PROBE_PROPERTY
                    + ": this handler only runs inside the TriggerLab benchmark");
        }
        ((ObjLongConsumer<byte[]>) probe).accept(input.readAllBytes(), entered);
    }
}
