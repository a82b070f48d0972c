package io.triggerlab.engine.invoke.function;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Lambda runtimes a {@link RuntimeTarget} can run, by Lambda's identifier ({@code python3.12}, {@code nodejs20.x},
 * {@code java21}, {@code provided.al2023}). Each belongs to a {@link Language}, which decides the runtime interface
 * client that runs the handler.
 */
public enum LambdaRuntime {
    PYTHON_3_9("python3.9", Language.PYTHON),
    PYTHON_3_10("python3.10", Language.PYTHON),
    PYTHON_3_11("python3.11", Language.PYTHON),
    PYTHON_3_12("python3.12", Language.PYTHON),
    PYTHON_3_13("python3.13", Language.PYTHON),
    NODEJS_18("nodejs18.x", Language.NODEJS),
    NODEJS_20("nodejs20.x", Language.NODEJS),
    NODEJS_22("nodejs22.x", Language.NODEJS),
    JAVA_17("java17", Language.JAVA),
    JAVA_21("java21", Language.JAVA),
    PROVIDED_AL2023("provided.al2023", Language.PROVIDED),
    PROVIDED_AL2("provided.al2", Language.PROVIDED);

    /** What runs the handler: an interpreter plus a runtime interface client, or the function's own bootstrap. */
    public enum Language { PYTHON, NODEJS, JAVA, PROVIDED }

    private final String id;
    private final Language language;

    LambdaRuntime(String id, Language language) {
        this.id = id;
        this.language = language;
    }

    /** Lambda's identifier, as in a SAM template's {@code Runtime}. */
    @JsonValue
    public String id() {
        return id;
    }

    public Language language() {
        return language;
    }

    /** The runtime with Lambda's identifier {@code id}, or empty. */
    public static Optional<LambdaRuntime> find(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    /** The runtime with Lambda's identifier {@code id}; an unknown one is refused with the list of known ones. */
    @JsonCreator
    public static LambdaRuntime of(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("Runtime '" + id + "' is not supported: use one of "
                + supportedIds()));
    }

    /** The identifiers, comma separated, for messages and help texts. */
    public static String supportedIds() {
        return Arrays.stream(values()).map(LambdaRuntime::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
