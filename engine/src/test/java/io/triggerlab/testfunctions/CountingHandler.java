package io.triggerlab.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Counts its invocations in an instance field: a warm instance keeps counting. */
public class CountingHandler implements RequestHandler<Object, Integer> {

    private int invocations;

    @Override
    public Integer handleRequest(Object event, Context context) {
        return ++invocations;
    }
}
