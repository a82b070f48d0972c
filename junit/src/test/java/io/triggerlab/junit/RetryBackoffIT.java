package io.triggerlab.junit;

import io.triggerlab.engine.runtime.failure.RetryBackoff;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link TriggerLabTest#retryBackoffMillis()} reaches the engine, and a failing batch is retried at that pace. */
@TriggerLabTest(retryBackoffMillis = 20)
class RetryBackoffIT {

    @Test
    void theEngineRetriesAFailingBatchWithTheTestsBackoff(TriggerLab lab) {
        assertThat(lab.client().config().retryBackoff())
                .isEqualTo(new RetryBackoff(Duration.ofMillis(20), Duration.ofMillis(400)));
        lab.function("always-fails", FailingHandler.class);
        Trigger trigger = lab.trigger(t -> t.function("always-fails").topic("retried").batchingWindowSeconds(0));

        lab.produce("retried", "one");

        // Four attempts at the batch wait 20 + 40 + 80 ms between them; at the engine's default, 3.5 s.
        assertThat(lab.awaitInvocations(trigger, 4)).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(invocation -> assertThat(invocation.offsets()).containsExactly(0L));
    }
}
