package io.triggerlab.console.demo;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A demo function that always fails, so the demo shows what a failing trigger looks like: retried batches, a
 * {@code PROBLEM: Function call failed} result and the function's error in the inspector.
 */
public final class PaymentChargerHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        int bytes = input.readAllBytes().length;
        context.getLogger().log("Charging cards for a " + bytes + "-byte batch of payments");
        context.getLogger().log("Payment gateway answered 402 for the first payment");
        throw new IllegalStateException("Payment gateway declined the card: insufficient funds (HTTP 402)");
    }
}
