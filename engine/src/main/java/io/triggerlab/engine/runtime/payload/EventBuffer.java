package io.triggerlab.engine.runtime.payload;

/**
 * The array one poller builds every event into, reused from batch to batch: at BatchSize 10000 an event is ~6 MB, and
 * a fresh one per batch made G1 pause for 3-10 % of a benchmark run (bench/README.md). It grows to the largest event
 * seen (with an eighth to spare, so slowly growing batches do not reallocate each time) and never shrinks.
 *
 * <p>Not thread-safe: owned by one poll thread. The owner hands out views of it only while an invocation runs and
 * calls {@link #disown()} when a function may still read it afterwards (a timed-out handler thread).
 */
public final class EventBuffer {

    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    private byte[] array = new byte[0];

    /** The array, at least {@code size} bytes long; its contents are undefined. */
    byte[] arrayFor(int size) {
        if (array.length < size) {
            array = new byte[(int) Math.min(MAX_ARRAY, size + (long) size / 8)];
        }
        return array;
    }

    /** The array as last handed out by {@link #arrayFor}. */
    public byte[] array() {
        return array;
    }

    public int capacity() {
        return array.length;
    }

    /** Forgets the array (someone may still read it); the next event gets a fresh one. */
    public void disown() {
        array = new byte[0];
    }
}
