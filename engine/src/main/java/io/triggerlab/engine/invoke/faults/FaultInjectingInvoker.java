package io.triggerlab.engine.invoke.faults;

import io.triggerlab.engine.invoke.DelegatingInvoker;
import io.triggerlab.engine.invoke.FunctionInvoker;
import io.triggerlab.engine.invoke.FunctionInvokerFactory;
import io.triggerlab.engine.invoke.InvocationRequest;
import io.triggerlab.engine.invoke.InvocationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Decorates a function's invoker: while faults are armed for the function, an invocation does not reach it and comes
 * to the armed failure instead. Everything downstream (retries, bisect, destinations, history, metrics) sees an
 * ordinary {@link InvocationResult}; only the words "Injected by TriggerLab fault injection" in the error message and
 * logs tell it apart.
 */
public final class FaultInjectingInvoker extends DelegatingInvoker {

    /** The marker every injected failure carries in its message and logs. */
    public static final String MARKER = "Injected by TriggerLab fault injection";
    /** The {@code errorType} of an injected function error. */
    public static final String ERROR_TYPE = "TriggerLab.InjectedFault";

    private static final Logger log = LoggerFactory.getLogger(FaultInjectingInvoker.class);

    private final String functionName;
    private final FaultInjector faults;

    public FaultInjectingInvoker(String functionName, FunctionInvoker delegate, FaultInjector faults) {
        super(delegate);
        this.functionName = Objects.requireNonNull(functionName, "functionName");
        this.faults = Objects.requireNonNull(faults, "faults");
    }

    /** Builds every function's invoker through {@code delegate} and wraps it for fault injection, whatever its target. */
    public static FunctionInvokerFactory wrapping(FunctionInvokerFactory delegate, FaultInjector faults) {
        Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(faults, "faults");
        return function -> new FaultInjectingInvoker(function.name(), delegate.create(function), faults);
    }

    @Override
    public InvocationResult invoke(InvocationRequest request) {
        Optional<FaultInjector.Injection> injection = faults.take(functionName);
        if (injection.isEmpty()) {
            return delegate.invoke(request);
        }
        FaultInjector.Injection taken = injection.get();
        String why = MARKER + " (" + taken.ordinal() + " of " + taken.of() + ")";
        log.info("Function {}: request {} {}", functionName, request.requestId(), why);
        String logs = "START RequestId: " + request.requestId() + "\n" + why + ": " + taken.kind().word() + "\n"
                + "END RequestId: " + request.requestId() + "\n";
        return switch (taken.kind()) {
            case ERROR -> new InvocationResult.FunctionError("Unhandled", errorJson(why), logs, Duration.ZERO);
            case THROTTLE -> new InvocationResult.Throttled("TooManyRequestsException: Rate Exceeded. (" + why + ")",
                    logs, Duration.ZERO);
            // Reported at once rather than after waiting out the timeout: the lesson is what the poller does next.
            case TIMEOUT -> new InvocationResult.TimedOut(InvocationResult.TimedOut.messageFor(request.timeout())
                    + " (" + why + ")", logs, request.timeout());
        };
    }

    private static byte[] errorJson(String why) {
        // The message is ours and has no quotes or backslashes, so it needs no escaping.
        return ("{\"errorMessage\":\"" + why + "\",\"errorType\":\"" + ERROR_TYPE + "\",\"stackTrace\":[]}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
