package io.triggerlab.engine.invoke.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The runtime process's output (stdout and stderr merged, as Lambda sends both to CloudWatch), read on its own named
 * thread for the life of the environment. Each invocation {@link #take() takes} what arrived since the previous one;
 * what the runtime printed while initializing goes to the first invocation, before its {@code START} line, where Lambda
 * puts it. Bounded: past {@link #MAX_CHARS} the oldest text is dropped.
 */
final class ProcessOutput {

    static final int MAX_CHARS = 256 * 1024;

    private final InputStream pipe;
    private final StringBuilder text = new StringBuilder();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean inRead;
    private long dropped;

    private ProcessOutput(InputStream pipe) {
        this.pipe = pipe;
    }

    static ProcessOutput start(InputStream pipe, String threadName) {
        ProcessOutput output = new ProcessOutput(pipe);
        Thread thread = new Thread(output::readToEnd, threadName);
        thread.setDaemon(true);
        thread.start();
        return output;
    }

    private void readToEnd() {
        byte[] chunk = new byte[16 * 1024];
        try (pipe) {
            while (true) {
                inRead = true;
                int n = pipe.read(chunk);
                if (n < 0) {
                    break;
                }
                synchronized (text) {
                    inRead = false;
                    text.append(new String(chunk, 0, n, StandardCharsets.UTF_8));
                    int excess = text.length() - MAX_CHARS;
                    if (excess > 0) {
                        text.delete(0, excess);
                        dropped += excess;
                    }
                    text.notifyAll();
                }
            }
        } catch (IOException e) {
            // The process was killed and the pipe closed under us: what was read is all there is.
        } finally {
            inRead = false;
            ended.countDown();
        }
    }

    /**
     * Waits, at most {@code nanos}, until everything the process has written so far has been read: the pipe holds
     * nothing and the reader is back in {@code read}. Called once the runtime has asked for its next invocation, so
     * the lines it printed for this one are in the pipe already.
     */
    void awaitQuiet(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        while (System.nanoTime() < deadline && ended.getCount() > 0) {
            try {
                if (pipe.available() == 0 && inRead) {
                    return;
                }
            } catch (IOException e) {
                return; // closed: nothing more will come
            }
            synchronized (text) {
                text.wait(1);
            }
        }
    }

    /** Waits, at most {@code nanos}, for the end of the output (the process exited). */
    boolean awaitEnd(long nanos) throws InterruptedException {
        return ended.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    /** Everything that arrived since the previous call. */
    String take() {
        synchronized (text) {
            String taken = dropped == 0 ? text.toString() : "[" + dropped + " earlier characters dropped]\n" + text;
            text.setLength(0);
            dropped = 0;
            return taken;
        }
    }
}
