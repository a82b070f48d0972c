package io.triggerlab.engine.invoke.function;

import java.net.URI;
import java.util.Objects;

/**
 * A function behind Lambda's Invoke API: {@code sam local start-lambda}, the Runtime Interface Emulator, LocalStack,
 * or a real deployed function.
 *
 * @param endpoint     the Invoke API endpoint, or {@code null} for the region's real AWS endpoint
 * @param functionName the name (or ARN) to invoke there
 * @param qualifier    version or alias, or {@code null}
 * @param region       the AWS region for signing
 * @param profile      the AWS credentials profile, or {@code null} for the default credentials chain
 */
public record LambdaInvokeTarget(URI endpoint, String functionName, String qualifier, String region, String profile)
        implements FunctionTarget {

    public LambdaInvokeTarget {
        Objects.requireNonNull(functionName, "functionName");
        if (functionName.isBlank()) {
            throw new IllegalArgumentException("The Invoke target needs a function name");
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("The Invoke target needs a region");
        }
    }

    @Override
    public String kind() {
        return "lambda";
    }
}
