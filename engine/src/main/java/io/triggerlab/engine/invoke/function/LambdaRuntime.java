package io.triggerlab.engine.invoke.function;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
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

    /**
     * What is wrong with {@code handler} for this runtime, judged by its shape only (whether the file and function
     * exist shows when the runtime starts): Python and Node.js take {@code file.function}, Java
     * {@code package.Class::method} or {@code package.Class}; a custom runtime's bootstrap reads it as it likes.
     */
    public Optional<String> handlerProblem(String handler) {
        if (handler == null || handler.isBlank()) {
            return Optional.of("Handler is required for " + id + ": e.g. " + exampleHandler());
        }
        String h = handler.strip();
        if (h.chars().anyMatch(Character::isWhitespace) || h.length() > 128) {
            return Optional.of("Handler '" + h + "' is not valid: Lambda allows up to 128 characters without spaces");
        }
        boolean fits = switch (language) {
            case PYTHON, NODEJS -> h.lastIndexOf('.') > 0 && h.lastIndexOf('.') < h.length() - 1;
            case JAVA -> JavaHandlerName.PATTERN.matcher(h).matches();
            case PROVIDED -> true;
        };
        return fits ? Optional.empty() : Optional.of("Handler '" + h + "' does not fit " + id + ": it takes "
                + handlerShape() + ", e.g. " + exampleHandler());
    }

    /** A handler as this runtime's users write it, for prompts and messages. */
    public String exampleHandler() {
        return switch (language) {
            case PYTHON -> "app.handler (def handler(event, context) in app.py)";
            case NODEJS -> "index.handler (export const handler in index.mjs or index.js)";
            case JAVA -> "com.example.Handler::handleRequest";
            case PROVIDED -> "bootstrap (passed to your bootstrap as _HANDLER)";
        };
    }

    private String handlerShape() {
        return switch (language) {
            case PYTHON, NODEJS -> "file.function (the file without its extension, then the exported function)";
            case JAVA -> "package.Class::method or package.Class";
            case PROVIDED -> "any text";
        };
    }

    /** The identifiers, comma separated, for messages and help texts. */
    public static String supportedIds() {
        return Arrays.stream(values()).map(LambdaRuntime::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }

    /** {@code package.Class} with an optional {@code ::method}, in Java's identifier characters. */
    private static final class JavaHandlerName {
        private static final String IDENTIFIER = "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*";
        static final Pattern PATTERN = Pattern.compile(IDENTIFIER + "(\\." + IDENTIFIER + ")*(::" + IDENTIFIER + ")?");
    }
}
