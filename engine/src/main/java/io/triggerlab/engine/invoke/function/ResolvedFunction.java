package io.triggerlab.engine.invoke.function;

import java.util.Objects;

/**
 * A FunctionName resolved against the registry.
 *
 * @param definition  the registered function
 * @param qualifier   the version or alias from the FunctionName, or {@code null}
 */
public record ResolvedFunction(FunctionDefinition definition, String qualifier) {

    public ResolvedFunction {
        Objects.requireNonNull(definition, "definition");
    }

    /** The response's {@code FunctionArn}: qualified when the FunctionName carried a qualifier. */
    public String functionArn() {
        return qualifier == null ? definition.functionArn() : definition.functionArn() + ":" + qualifier;
    }
}
