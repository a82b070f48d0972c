package io.triggerlab.engine.invoke.function;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A function registered locally: its name, where it runs and how long it may take.
 *
 * @param name      the function name (1..64 of {@code [a-zA-Z0-9-_]}), as in Lambda
 * @param target    where it runs
 * @param timeout   Lambda's function timeout (default 3 s; Kafka triggers cap at 14 minutes)
 * @param region    region in the function's ARN
 * @param accountId account in the function's ARN
 */
public record FunctionDefinition(String name, FunctionTarget target, Duration timeout, String region, String accountId) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    /** Lambda allows 15 minutes, but a Kafka trigger's function may run at most 14. */
    public static final Duration KAFKA_TRIGGER_MAX_TIMEOUT = Duration.ofMinutes(14);
    public static final Duration LAMBDA_MAX_TIMEOUT = Duration.ofMinutes(15);

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-_]{1,64}");

    public FunctionDefinition {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Function name '" + name
                    + "' is not valid: 1 to 64 letters, digits, hyphens or underscores");
        }
        Objects.requireNonNull(target, "target");
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(LAMBDA_MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("Timeout " + timeout.toSeconds() + " s is out of range: must be 1..900 seconds");
        }
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
    }

    /** {@code arn:aws:lambda:<region>:<account>:function:<name>} */
    public String functionArn() {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
    }

    /** True when the timeout is above what a Kafka trigger allows (the trigger still works; the UI warns). */
    public boolean exceedsKafkaTriggerTimeout() {
        return timeout.compareTo(KAFKA_TRIGGER_MAX_TIMEOUT) > 0;
    }

    /**
     * This function's target as the kind an invoker runs.
     *
     * @param invoker the invoker that asks, for the message, e.g. {@code the command invoker}
     * @param needed  the target kind's name, for the message, e.g. {@code command}
     * @throws IllegalArgumentException when the target is of another kind
     */
    public <T extends FunctionTarget> T targetAs(Class<T> type, String invoker, String needed) {
        if (!type.isInstance(target)) {
            throw new IllegalArgumentException("Function '" + name + "' has a " + target.kind() + " target; " + invoker
                    + " needs a " + needed + " target");
        }
        return type.cast(target);
    }
}
