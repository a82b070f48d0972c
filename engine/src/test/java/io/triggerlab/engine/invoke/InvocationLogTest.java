package io.triggerlab.engine.invoke;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class InvocationLogTest {

    @Test
    void framesTheLinesLikeLambda_withBilledDurationRoundedUp() {
        InvocationLog log = new InvocationLog("req-1");
        log.line("hello");
        log.raw("from stderr\nsecond line");

        assertThat(log.finish(Duration.ofNanos(2_345_678))).isEqualTo("""
                START RequestId: req-1 Version: $LATEST
                hello
                from stderr
                second line
                END RequestId: req-1
                REPORT RequestId: req-1\tDuration: 2.35 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB
                """);
    }

    @Test
    void keepsTheNewestText_andSaysHowMuchWasDropped_whenALogRunsAway() {
        InvocationLog log = new InvocationLog("req-1");
        String line = "x".repeat(1023);
        for (int i = 0; i < 300; i++) {
            log.line(line);
        }

        String text = log.finish(Duration.ofMillis(1));

        assertThat(text).startsWith("[").contains(" earlier characters dropped]\n").endsWith("Memory Size: 128 MB\n");
        assertThat(text.length()).isLessThan(InvocationLog.MAX_CHARS + 100);
    }

    @Test
    void timeoutMessage_hasTwoDecimalsOfTheConfiguredTimeout() {
        assertThat(InvocationResult.TimedOut.messageFor(Duration.ofSeconds(3))).isEqualTo("Task timed out after 3.00 seconds");
        assertThat(InvocationResult.TimedOut.messageFor(Duration.ofMillis(1500))).isEqualTo("Task timed out after 1.50 seconds");
        assertThat(InvocationResult.TimedOut.messageFor(Duration.ofMinutes(14))).isEqualTo("Task timed out after 840.00 seconds");
    }
}
