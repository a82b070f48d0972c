package io.triggerlab.engine.invoke.runtime;

import java.time.Duration;
import java.util.Locale;

/** Lambda's platform lines around an invocation's own log lines, as CloudWatch shows them. */
final class LambdaLogLines {

    private LambdaLogLines() {
    }

    /** TriggerLab's line at an environment's start: the runtime and which client runs the handler. */
    static String initStart(String runtime, String client) {
        return "INIT_START Runtime Version: " + runtime + "\tRuntime Client: " + client + "\n";
    }

    /** Lambda's line for an init phase that did not end with the runtime asking for work. */
    static String initReport(Duration initDuration, String status, String errorType) {
        return String.format(Locale.ROOT, "INIT_REPORT Init Duration: %.2f ms\tPhase: init\tStatus: %s%s%n",
                millis(initDuration), status, errorType == null || errorType.isEmpty() ? "" : "\tError Type: " + errorType);
    }

    static String start(String requestId) {
        return "START RequestId: " + requestId + " Version: $LATEST\n";
    }

    static String end(String requestId) {
        return "END RequestId: " + requestId + "\n";
    }

    /**
     * {@code REPORT RequestId: … Duration … Billed Duration … Memory Size … Max Memory Used … Init Duration} — the last
     * two only when known (memory is read from the OS where it tells; Init Duration only on a cold start).
     */
    static String report(String requestId, Duration duration, int memorySize, Long maxMemoryUsedMb, Duration initDuration) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB",
                requestId, millis(duration), (long) Math.ceil(millis(duration)), memorySize));
        if (maxMemoryUsedMb != null) {
            line.append("\tMax Memory Used: ").append(maxMemoryUsedMb).append(" MB");
        }
        if (initDuration != null) {
            line.append(String.format(Locale.ROOT, "\tInit Duration: %.2f ms", millis(initDuration)));
        }
        return line.append('\n').toString();
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }

    /** Ends {@code text} with a newline unless it is empty or has one. */
    static String asLines(String text) {
        return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
    }
}
