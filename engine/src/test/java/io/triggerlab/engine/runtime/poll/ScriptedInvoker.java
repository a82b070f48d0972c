package io.triggerlab.engine.runtime.poll;

import io.triggerlab.engine.invoke.FunctionInvoker;
import io.triggerlab.engine.invoke.InvocationRequest;
import io.triggerlab.engine.invoke.InvocationResult;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-process function for poller tests: records every payload it gets and answers from a script, then succeeds. */
final class ScriptedInvoker implements FunctionInvoker {

    private final Deque<InvocationResult> script = new ArrayDeque<>();
    private final List<byte[]> payloads = new CopyOnWriteArrayList<>();

    ScriptedInvoker thenFail(int times) {
        for (int i = 0; i < times; i++) {
            script.add(failure());
        }
        return this;
    }

    private static InvocationResult failure() {
        return new InvocationResult.FunctionError("Unhandled",
                "{\"errorMessage\":\"boom\",\"errorType\":\"RuntimeException\"}".getBytes(), "", Duration.ofMillis(1));
    }

    @Override
    public synchronized InvocationResult invoke(InvocationRequest request) {
        payloads.add(request.payload().copy());
        InvocationResult next = broken ? failure() : script.poll();
        return next != null ? next : new InvocationResult.Success("null".getBytes(), "$LATEST", "", Duration.ofMillis(1));
    }

    private boolean broken;

    /** Fails every call until {@link #succeedFromNowOn()}. */
    synchronized ScriptedInvoker failUntilFixed() {
        broken = true;
        return this;
    }

    /** Drops whatever failures are still scripted: the function has been fixed. */
    synchronized void succeedFromNowOn() {
        script.clear();
        broken = false;
    }

    List<byte[]> payloads() {
        return payloads;
    }

    @Override
    public void close() {
    }
}
