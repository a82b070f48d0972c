package io.triggerlab.engine.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.LambdaInvokeTarget;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Invokes a function through Lambda's Invoke API ({@code POST /2015-03-31/functions/{name}/invocations}), synchronously
 * ({@code RequestResponse}) with the log tail ({@code Tail}), as the event source mapping does. Works against real AWS,
 * {@code sam local start-lambda}, the Runtime Interface Emulator and LocalStack.
 *
 * <p>Credentials come from the target's named profile, or the default credentials chain when it names none. When the
 * target has an endpoint override and no credentials can be found there, requests are signed with fixed dummy
 * credentials instead, so local emulators, which accept any signature, work out of the box without an AWS account.
 *
 * <p>The SDK never retries (the poller owns retries) and each call is cut off at the function timeout plus
 * {@link #DEFAULT_GRACE} (for network and emulator overhead), reported as {@link InvocationResult.TimedOut}. A function
 * error whose message is Lambda's {@code Task timed out after N seconds} (the remote side enforced the timeout) is also
 * reported as {@code TimedOut}, with the remote message.
 */
public final class LambdaApiInvoker implements FunctionInvoker {

    /** Added to the function timeout before the API call is abandoned: network, signing and emulator overhead. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);
    /** The HTTP read timeout must never cut a call short before the API call timeout does: Lambda's maximum plus a margin. */
    private static final Duration SOCKET_TIMEOUT = FunctionDefinition.LAMBDA_MAX_TIMEOUT.plusMinutes(1);
    private static final Pattern REMOTE_TIMEOUT = Pattern.compile("Task timed out after [0-9.]+ seconds");

    private final LambdaInvokeTarget target;
    private final Duration grace;
    private final String where;
    private final LambdaClient client;
    private final ObjectMapper json = new ObjectMapper();

    /** An invoker for {@code function}, whose target must be a {@link LambdaInvokeTarget}. */
    public LambdaApiInvoker(FunctionDefinition function) {
        this(function, DEFAULT_GRACE);
    }

    public LambdaApiInvoker(FunctionDefinition function, Duration grace) {
        this(function, grace, null);
    }

    /** {@code credentials} replaces the profile / default chain (tests); {@code null} keeps them. */
    LambdaApiInvoker(FunctionDefinition function, Duration grace, AwsCredentialsProvider credentials) {
        this.target = function.targetAs(LambdaInvokeTarget.class, "the Invoke API invoker", "lambda");
        this.grace = Objects.requireNonNull(grace, "grace");
        this.where = target.endpoint() != null
                ? "endpoint " + target.endpoint()
                : "AWS Lambda in " + target.region();
        this.client = buildClient(credentials != null ? credentials : credentialsProvider());
    }

    private LambdaClient buildClient(AwsCredentialsProvider credentials) {
        LambdaClientBuilder builder = LambdaClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(SOCKET_TIMEOUT).build())
                .region(Region.of(target.region()))
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (target.endpoint() != null) {
            builder.endpointOverride(target.endpoint());
        }
        return builder.build();
    }

    private AwsCredentialsProvider credentialsProvider() {
        AwsCredentialsProvider configured = target.profile() != null
                ? ProfileCredentialsProvider.create(target.profile())
                : DefaultCredentialsProvider.builder().build();
        return target.endpoint() != null ? new EmulatorFallbackCredentialsProvider(configured, target.endpoint()) : configured;
    }

    @Override
    public InvocationResult invoke(InvocationRequest request) {
        long start = System.nanoTime();
        try {
            InvokeResponse response = client.invoke(b -> b
                    .functionName(target.functionName())
                    .qualifier(target.qualifier())
                    .invocationType(InvocationType.REQUEST_RESPONSE)
                    .logType(LogType.TAIL)
                    // A copy the SDK owns: the poller reuses its event buffer once invoke returns, and on an API-call
                    // timeout the HTTP client may still be sending these bytes. One copy against a network call.
                    .payload(SdkBytes.fromByteArrayUnsafe(request.payload().copy()))
                    .overrideConfiguration(o -> o.apiCallTimeout(request.timeout().plus(grace))));
            return fromResponse(response, since(start));
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
            return new InvocationResult.TimedOut(InvocationResult.TimedOut.messageFor(request.timeout()), "", since(start));
        } catch (TooManyRequestsException e) {
            return new InvocationResult.Throttled(describe(e), "", since(start));
        } catch (RequestTooLargeException e) {
            return new InvocationResult.PayloadTooLarge(describe(e), "", since(start));
        } catch (AwsServiceException e) {
            return fromServiceError(e, since(start));
        } catch (SdkException e) {
            return new InvocationResult.InvokeFailed(describeClientFailure(e), "", since(start));
        }
    }

    private InvocationResult fromResponse(InvokeResponse response, Duration duration) {
        byte[] payload = response.payload() != null ? response.payload().asByteArrayUnsafe() : new byte[0];
        String logs = decodeLogResult(response.logResult());
        if (response.functionError() == null) {
            // Emulators do not always send X-Amz-Executed-Version; they only ever run $LATEST.
            String version = Objects.requireNonNullElse(response.executedVersion(), "$LATEST");
            return new InvocationResult.Success(payload, version, logs, duration);
        }
        return remoteTimeoutMessage(payload)
                .<InvocationResult>map(message -> new InvocationResult.TimedOut(message, logs, duration))
                .orElseGet(() -> new InvocationResult.FunctionError(response.functionError(), payload, logs, duration));
    }

    /** Real AWS answers 413 with the unmodelled {@code RequestEntityTooLargeException}; judge by status as AWS means it. */
    private InvocationResult fromServiceError(AwsServiceException e, Duration duration) {
        return switch (e.statusCode()) {
            case 429 -> new InvocationResult.Throttled(describe(e), "", duration);
            case 413 -> new InvocationResult.PayloadTooLarge(describe(e), "", duration);
            default -> new InvocationResult.InvokeFailed("The Invoke API at " + where + " refused function '"
                    + target.functionName() + "': " + describe(e), "", duration);
        };
    }

    /** {@code TooManyRequestsException (HTTP 429): Rate Exceeded.} */
    private static String describe(AwsServiceException e) {
        String code = e.awsErrorDetails() != null ? e.awsErrorDetails().errorCode() : null;
        String message = e.awsErrorDetails() != null ? e.awsErrorDetails().errorMessage() : null;
        String reason = e instanceof TooManyRequestsException throttled && throttled.reasonAsString() != null
                ? " (Reason " + throttled.reasonAsString() + ")" : "";
        return Objects.requireNonNullElse(code, e.getClass().getSimpleName()) + " (HTTP " + e.statusCode() + "): "
                + Objects.requireNonNullElse(message, e.getMessage()) + reason;
    }

    private String describeClientFailure(SdkException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return "Could not connect to the Invoke API at " + where + " for function '" + target.functionName()
                        + "': connection refused. Is the emulator (sam local start-lambda, the Runtime Interface Emulator, "
                        + "LocalStack) running on that address?";
            }
            if (cause instanceof UnknownHostException) {
                return "Could not reach the Invoke API at " + where + " for function '" + target.functionName()
                        + "': unknown host " + cause.getMessage() + ". Check the endpoint.";
            }
            if (cause instanceof IOException) {
                return "The call to the Invoke API at " + where + " for function '" + target.functionName()
                        + "' failed: " + cause;
            }
        }
        return "Invoking function '" + target.functionName() + "' at " + where + " failed: " + e.getMessage();
    }

    /** Lambda's timeout message when the remote side timed the function out (real AWS, RIE, sam local). */
    private Optional<String> remoteTimeoutMessage(byte[] errorPayload) {
        try {
            JsonNode message = json.readTree(errorPayload).path("errorMessage");
            Matcher matcher = REMOTE_TIMEOUT.matcher(message.asText(""));
            return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // not Lambda's error JSON: a plain function error
        }
    }

    private static String decodeLogResult(String logResult) {
        if (logResult == null || logResult.isEmpty()) {
            return "";
        }
        try {
            return new String(Base64.getDecoder().decode(logResult), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "[X-Amz-Log-Result was not base64: " + logResult + "]";
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @Override
    public void close() {
        client.close();
    }
}
