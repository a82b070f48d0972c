package io.triggerlab.engine.observe.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The writer's budget: it refuses rather than makes a poller wait. A test clock stands in for the writer's time. */
class BodyWriterTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    @Timeout(30) // a reserve that waited for the stuck writer would hang here
    void reserveRefusesAtOnce_whileTheQueuedBytesWouldPassTheBound() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        try (BodyWriter writer = new BodyWriter(new BodyWriter.Budget(2 * 1024 * 1024, 1.0, 0))) {
            assertThat(writer.reserve(1536 * 1024)).isEmpty();
            writer.write(1536 * 1024, () -> await(stuck));

            assertThat(writer.reserve(1024 * 1024)).contains("payload not kept: the history writer was 1.5 MB behind");
            assertThat(writer.reserve(512 * 1024)).isEmpty(); // still fits beside the stuck one
            writer.release(512 * 1024);

            stuck.countDown();
            writer.awaitWritten();
            assertThat(writer.reserve(1024 * 1024)).isEmpty();
            writer.release(1024 * 1024);
        }
    }

    @Test
    void aWriterOverItsCpuShare_refusesUntilItHasRested() {
        AtomicLong now = new AtomicLong(1_000 * MS);
        try (BodyWriter writer = new BodyWriter(new BodyWriter.Budget(Long.MAX_VALUE, 0.10, 0), now::get)) {
            assertThat(writer.reserve(10_000)).isEmpty();
            writer.write(10_000, () -> now.addAndGet(100 * MS)); // 100 ms of work owes 900 ms of rest at 10 %
            writer.awaitWritten();

            assertThat(writer.reserve(10_000)).hasValueSatisfying(reason -> assertThat(reason)
                    .isEqualTo("payload not kept: the history writer was busy with earlier payloads (it may use 10 %"
                            + " of one core, so under load it keeps only some)"));
            now.addAndGet(899 * MS);
            assertThat(writer.reserve(10_000)).isPresent();
            now.addAndGet(MS);
            assertThat(writer.reserve(10_000)).isEmpty();
            writer.release(10_000);
        }
    }

    @Test
    void queuedBodies_countAgainstTheShare_beforeTheyAreWritten() {
        AtomicLong now = new AtomicLong(0);
        long sixMb = 6L * 1024 * 1024;
        long slot = (long) (sixMb * BodyWriter.INITIAL_NANOS_PER_BYTE / 0.10); // ~0.94 s of a tenth of a core
        try (BodyWriter writer = new BodyWriter(new BodyWriter.Budget(Long.MAX_VALUE, 0.10, slot), now::get)) {
            assertThat(writer.reserve(sixMb)).isEmpty();
            assertThat(writer.reserve(sixMb)).isEmpty(); // one slot owed: within the allowance
            assertThat(writer.reserve(sixMb)).isPresent(); // two owed, nothing written yet: refused

            now.addAndGet(slot); // time passes while nothing is written: the slot owed goes down
            assertThat(writer.reserve(sixMb)).isEmpty();
            writer.release(sixMb);
            writer.release(sixMb);
            writer.release(sixMb);
        }
    }

    @Test
    void aBurstWithinTheAllowance_isKeptWhole() {
        AtomicLong now = new AtomicLong(0);
        try (BodyWriter writer = new BodyWriter(new BodyWriter.Budget(Long.MAX_VALUE, 0.10, 2_000 * MS), now::get)) {
            for (int i = 0; i < 20; i++) { // 20 bodies of 10 ms each: 1.8 s of rest owed, 0.2 s of it already passed
                assertThat(writer.reserve(1000)).as("body %d", i).isEmpty();
                writer.write(1000, () -> now.addAndGet(10 * MS));
                writer.awaitWritten();
            }
            assertThat(writer.reserve(1000)).isEmpty();
            writer.write(1000, () -> now.addAndGet(200 * MS)); // 1.8 s more owed: past the allowance
            writer.awaitWritten();
            assertThat(writer.reserve(1000)).isPresent();
        }
    }

    @Test
    void afterClose_bodiesAreRefused_sayingTheWriterStopped() {
        BodyWriter writer = new BodyWriter(BodyWriter.Budget.KEEP_ALL);
        writer.close();

        assertThat(writer.reserve(1000)).contains("payload not kept: the history writer was stopped (the engine was"
                + " shutting down)");
        writer.awaitWritten(); // nothing reserved: returns at once
    }

    @Test
    void budgetOutOfRange_isRejectedWithWhatIsWrong() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BodyWriter.Budget(1024, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cpuShare 0.0 in (0, 1]");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
