package io.triggerlab.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Answers with what the context says, reading the remaining time twice, 20 ms apart. */
public class ContextProbe {

    public Map<String, Object> probe(Object event, Context context) {
        int remainingFirst = context.getRemainingTimeInMillis();
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (long now = System.nanoTime(); now < until; now = System.nanoTime()) {
            LockSupport.parkNanos(until - now);
        }
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("requestId", context.getAwsRequestId());
        seen.put("functionName", context.getFunctionName());
        seen.put("functionVersion", context.getFunctionVersion());
        seen.put("invokedFunctionArn", context.getInvokedFunctionArn());
        seen.put("memoryLimitInMB", context.getMemoryLimitInMB());
        seen.put("logGroupName", context.getLogGroupName());
        seen.put("logStreamName", context.getLogStreamName());
        seen.put("remainingFirst", remainingFirst);
        seen.put("remainingSecond", context.getRemainingTimeInMillis());
        return seen;
    }
}
