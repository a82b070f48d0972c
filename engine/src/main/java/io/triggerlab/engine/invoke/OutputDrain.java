package io.triggerlab.engine.invoke;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads one of a process's output pipes to its end on its own named thread, so a process that writes a lot to stdout
 * and stderr never blocks on a full pipe. What was read so far can be taken at any time, even if the pipe stays open
 * (a background child that inherited it).
 */
final class OutputDrain {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CountDownLatch ended = new CountDownLatch(1);

    private OutputDrain() {
    }

    static OutputDrain start(InputStream pipe, String threadName) {
        OutputDrain drain = new OutputDrain();
        Thread thread = new Thread(() -> drain.readToEnd(pipe), threadName);
        thread.setDaemon(true);
        thread.start();
        return drain;
    }

    private void readToEnd(InputStream pipe) {
        byte[] chunk = new byte[64 * 1024];
        try (pipe) {
            for (int n = pipe.read(chunk); n >= 0; n = pipe.read(chunk)) {
                synchronized (buffer) {
                    buffer.write(chunk, 0, n);
                }
            }
        } catch (IOException e) {
            // The pipe was closed under us (the process was killed): what was read is all there is.
        } finally {
            ended.countDown();
        }
    }

    /** Waits up to {@code nanos} for the end of the pipe; true when it was reached. */
    boolean awaitEnd(long nanos) throws InterruptedException {
        return ended.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    byte[] bytes() {
        synchronized (buffer) {
            return buffer.toByteArray();
        }
    }
}
