package io.triggerlab.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Never finishes on its own: it waits until its thread is interrupted. */
public class SlowHandler {

    public String waitForInterrupt(Map<String, Object> event, Context context) throws InterruptedException {
        context.getLogger().log("waiting for a batch that never ends");
        new CountDownLatch(1).await();
        return "unreachable";
    }
}
