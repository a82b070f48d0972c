package io.triggerlab.engine.observe.metrics;

import io.triggerlab.engine.observe.history.InvocationOutcome;
import io.triggerlab.engine.observe.history.InvocationRecord;
import io.triggerlab.engine.observe.history.PartitionRange;
import io.triggerlab.engine.invoke.InvocationRequest;
import io.triggerlab.engine.invoke.InvocationResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

class MappingCountersTest {

    private static InvocationRecord record(InvocationOutcome outcome, int records, long millis) {
        return new InvocationRecord(0, "m", UUID.randomUUID().toString(), 1, UUID.randomUUID().toString(),
                Instant.EPOCH, Duration.ofMillis(millis), outcome, List.of(new PartitionRange("t", 0, 0, records - 1, records)),
                records, 10, null, null, null, "");
    }

    @Test
    void countsEachOutcomeWhereSpecSixPutsIt() {
        MappingCounters c = new MappingCounters("m");
        c.polled(10);
        c.recorded(record(InvocationOutcome.FUNCTION_ERROR, 10, 5));
        c.recorded(record(InvocationOutcome.THROTTLED, 10, 1));
        c.recorded(record(InvocationOutcome.SUCCESS, 10, 7));
        c.committed(10);
        c.recorded(record(InvocationOutcome.MAXIMUM_PAYLOAD_SIZE_EXCEEDED, 1, 0));
        c.dropped(1);
        c.recorded(record(InvocationOutcome.SENT_TO_DESTINATION, 2, 0));
        c.recorded(record(InvocationOutcome.RECORDS_EXPIRED, 4, 0));
        c.pollingError();
        c.commitError();
        c.filteredOut(3);
        c.destinationDelivered(2);

        CounterTotals t = c.totals();
        assertThat(t.polled()).isEqualTo(10);
        assertThat(t.invoked()).isEqualTo(30);
        assertThat(t.failedInvoke()).isEqualTo(20);
        assertThat(t.get(EsmMetric.INVOKE_ERROR_COUNT)).isEqualTo(2);
        assertThat(t.get(EsmMetric.THROTTLES)).isEqualTo(1);
        assertThat(t.committed()).isEqualTo(10);
        assertThat(t.get(EsmMetric.DROPPED_EVENT_COUNT)).isEqualTo(1);
        assertThat(t.get(EsmMetric.POLLING_ERROR_COUNT)).isEqualTo(1);
        assertThat(t.get(EsmMetric.COMMIT_ERROR_COUNT)).isEqualTo(1);
        assertThat(t.get(EsmMetric.FILTERED_OUT_EVENT_COUNT)).isEqualTo(3);
        assertThat(t.get(EsmMetric.ON_FAILURE_DESTINATION_DELIVERED_EVENT_COUNT)).isEqualTo(2);
    }

    @Test
    void intervalIncreasesAddUpToTheTotals() {
        MappingCounters c = new MappingCounters("m");
        c.polled(5);
        MappingCounters.IntervalReading first = c.readInterval();
        c.polled(7);
        c.polled(1);
        MappingCounters.IntervalReading second = c.readInterval();
        MappingCounters.IntervalReading third = c.readInterval();

        assertThat(first.deltas().get(EsmMetric.POLLED_EVENT_COUNT)).isEqualTo(5);
        assertThat(second.deltas().get(EsmMetric.POLLED_EVENT_COUNT)).isEqualTo(8);
        assertThat(third.deltas().get(EsmMetric.POLLED_EVENT_COUNT)).isZero();
        assertThat(c.totals().polled()).isEqualTo(13);
    }

    @Test
    void concurrencyIsThePeakOfInvocationsInFlightDuringTheInterval() throws Exception {
        MappingCounters c = new MappingCounters("m");
        CountDownLatch bothIn = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        CountingInvoker invoker = new CountingInvoker(new io.triggerlab.engine.invoke.FunctionInvoker() {
            @Override
            public InvocationResult invoke(InvocationRequest request) {
                bothIn.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new InvocationResult.Success(new byte[0], "$LATEST", "", Duration.ZERO);
            }

            @Override
            public void close() {
            }
        }, c);
        Thread a = new Thread(() -> invoker.invoke(new InvocationRequest(new byte[0], "a", Duration.ofSeconds(1))));
        Thread b = new Thread(() -> invoker.invoke(new InvocationRequest(new byte[0], "b", Duration.ofSeconds(1))));
        a.start();
        b.start();
        bothIn.await();
        release.countDown();
        a.join();
        b.join();

        assertThat(c.readInterval().peakConcurrency()).isEqualTo(2);
        assertThat(c.readInterval().peakConcurrency()).isZero();
    }
}
