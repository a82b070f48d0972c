package io.triggerlab.console;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Stands in for the FX thread or a background thread in tests: tasks wait in a queue until the test runs them, so a
 * test decides exactly when "later" happens. Thread-safe, so engine-side threads may submit.
 */
public final class QueuedExecutor implements Executor {

    private final Queue<Runnable> queue = new ArrayDeque<>();
    private int submitted;

    @Override
    public synchronized void execute(Runnable task) {
        queue.add(task);
        submitted++;
    }

    /** How many tasks were ever submitted. */
    public synchronized int submitted() {
        return submitted;
    }

    public synchronized int waiting() {
        return queue.size();
    }

    /** Runs queued tasks, including those they submit, until the queue is empty. */
    public void runAll() {
        Runnable next;
        while ((next = poll()) != null) {
            next.run();
        }
    }

    private synchronized Runnable poll() {
        return queue.poll();
    }
}
