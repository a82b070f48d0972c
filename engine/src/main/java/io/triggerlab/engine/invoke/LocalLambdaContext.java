package io.triggerlab.engine.invoke;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.triggerlab.engine.invoke.function.FunctionDefinition;

import java.nio.charset.StandardCharsets;

/**
 * The {@link Context} a local Java handler sees for one invocation: Lambda's names for the function and request, the
 * time left before the function timeout, and a logger whose lines land in the invocation's logs.
 */
final class LocalLambdaContext implements Context {

    private final String requestId;
    private final FunctionDefinition function;
    private final String logStreamName;
    private final long deadlineNanos;
    private final LambdaLogger logger;

    LocalLambdaContext(String requestId, FunctionDefinition function, String logStreamName, long deadlineNanos,
                       InvocationLog log) {
        this.requestId = requestId;
        this.function = function;
        this.logStreamName = logStreamName;
        this.deadlineNanos = deadlineNanos;
        this.logger = new InvocationLogger(log);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function.name();
    }

    @Override
    public String getLogStreamName() {
        return logStreamName;
    }

    @Override
    public String getFunctionName() {
        return function.name();
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return function.functionArn();
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null; // Lambda passes none for event source mapping invocations
    }

    @Override
    public ClientContext getClientContext() {
        return null; // Lambda passes none for event source mapping invocations
    }

    @Override
    public int getRemainingTimeInMillis() {
        long remainingNanos = deadlineNanos - System.nanoTime();
        return (int) Math.max(0, remainingNanos / 1_000_000);
    }

    @Override
    public int getMemoryLimitInMB() {
        return InvocationLog.MEMORY_SIZE_MB;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    /** Each {@code log} call is one line of the invocation's logs. */
    private static final class InvocationLogger implements LambdaLogger {
        private final InvocationLog log;

        InvocationLogger(InvocationLog log) {
            this.log = log;
        }

        @Override
        public void log(String message) {
            log.line(String.valueOf(message));
        }

        @Override
        public void log(byte[] message) {
            log.line(new String(message, StandardCharsets.UTF_8));
        }
    }
}
