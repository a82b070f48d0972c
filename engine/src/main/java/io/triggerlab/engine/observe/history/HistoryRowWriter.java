package io.triggerlab.engine.observe.history;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes invocation rows on one background thread ({@code history-rows}), so no poller waits for the database: a
 * poller hands its attempt over with {@link #appendLater} and goes on to commit and poll; the writer drains what
 * queued up in runs of up to {@value #RUN} rows (one batched insert
 * each, {@link InvocationHistory#appendAll}) and then tells each appender (counters, engine events) on its own
 * thread, in append order. Reads wait for the rows appended before them, so a reader never misses an invocation that
 * was already delivered.
 *
 * <p>Bounded and never blocking on bodies: while more than {@link #MAX_PENDING_BODY_BYTES} of payloads wait, a row is
 * queued without its bodies, marked why (as the body writer does, docs/adr/0006-history-keeps-up-or-drops-bodies.md).
 * Only a backlog of {@value #MAX_PENDING_ROWS} rows makes an appender wait: the history is then far behind and
 * delivery slows down to it rather than filling the heap.
 */
public final class HistoryRowWriter extends ForwardingHistory implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HistoryRowWriter.class);
    static final int RUN = 256;
    static final int MAX_PENDING_ROWS = 50_000;
    static final long MAX_PENDING_BODY_BYTES = 32L * 1024 * 1024;

    private record Pending(InvocationRecord invocation, Appended then) {
    }

    private final Thread thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayList<Pending> queue = new ArrayList<>(); // guarded by lock
    private long submitted;       // guarded by lock
    private long written;         // guarded by lock
    private long pendingBodyBytes; // guarded by lock
    private boolean closed;       // guarded by lock

    public HistoryRowWriter(InvocationHistory stored) {
        super(stored);
        this.thread = new Thread(this::writeUntilClosed, "history-rows");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void appendLater(InvocationRecord invocation, Appended then) {
        lock.lock();
        try {
            while (!closed && queue.size() >= MAX_PENDING_ROWS) {
                changed.awaitUninterruptibly();
            }
            if (closed) {
                lock.unlock();
                try {
                    super.appendLater(invocation, then);
                } finally {
                    lock.lock();
                }
                return;
            }
            InvocationRecord queued = invocation;
            long bytes = invocation.bodyBytes();
            if (bytes > 0 && pendingBodyBytes > 0 && pendingBodyBytes + bytes > MAX_PENDING_BODY_BYTES) {
                queued = invocation.withoutBodies(String.format(Locale.ROOT,
                        "payload not kept: the history writer was %.1f MB behind", pendingBodyBytes / (1024.0 * 1024)));
                bytes = 0;
            }
            pendingBodyBytes += bytes;
            queue.add(new Pending(queued, then));
            submitted++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Every call waits for the rows queued before it: an append is stored after them, a read sees them. */
    @Override
    protected void beforeAccess() {
        awaitWritten();
    }

    /**
     * Waits until every row appended before this call is written. On the writer's own thread (an appender's callback
     * that reads the history) it returns at once: the rows before are written already.
     */
    public void awaitWritten() {
        if (Thread.currentThread() == thread) {
            return;
        }
        lock.lock();
        try {
            long target = submitted;
            while (written < target && thread.isAlive()) {
                changed.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    private void writeUntilClosed() {
        List<Pending> run = new ArrayList<>(RUN);
        while (true) {
            lock.lock();
            try {
                while (queue.isEmpty() && !closed) {
                    changed.awaitUninterruptibly();
                }
                if (queue.isEmpty()) {
                    return; // closed and drained
                }
                List<Pending> head = queue.subList(0, Math.min(RUN, queue.size()));
                run.addAll(head);
                head.clear();
            } finally {
                lock.unlock();
            }
            long bodyBytes = 0;
            for (Pending p : run) {
                bodyBytes += p.invocation().bodyBytes();
            }
            writeAll(run);
            lock.lock();
            try {
                written += run.size();
                pendingBodyBytes -= bodyBytes;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            run.clear();
        }
    }

    /**
     * The run as one batched write; if that fails, row by row, so only the row that cannot be stored is reported
     * failed and the others are kept.
     */
    private void writeAll(List<Pending> run) {
        List<InvocationRecord> rows;
        try {
            rows = stored.appendAll(run.stream().map(Pending::invocation).toList());
        } catch (RuntimeException e) {
            run.forEach(this::write);
            return;
        }
        for (int i = 0; i < run.size(); i++) {
            InvocationRecord row = rows.get(i);
            Appended then = run.get(i).then();
            tell(() -> then.stored(row));
        }
    }

    private void write(Pending p) {
        InvocationRecord row;
        try {
            row = stored.append(p.invocation());
        } catch (RuntimeException e) {
            tell(() -> p.then().failed(e));
            return;
        }
        tell(() -> p.then().stored(row));
    }

    /** An appender's callback must not end the writer. */
    private static void tell(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            log.warn("A history append callback failed: {}", e.toString(), e);
        }
    }

    /** Writes what is queued, then stops the thread; appends after this are stored at once on the caller's thread. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
