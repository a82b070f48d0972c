package io.triggerlab.engine.invoke.function;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A Java handler run in this process, in its own class loader.
 *
 * @param classpath jars and class directories holding the handler and its dependencies
 * @param handler   {@code package.Class::method} or {@code package.Class} (then {@code handleRequest})
 */
public record JavaHandlerTarget(List<Path> classpath, String handler) implements FunctionTarget {

    public JavaHandlerTarget {
        classpath = List.copyOf(Objects.requireNonNull(classpath, "classpath"));
        if (classpath.isEmpty()) {
            throw new IllegalArgumentException("The Java handler target needs at least one jar or class directory");
        }
        Objects.requireNonNull(handler, "handler");
        if (!handler.matches("[\\p{L}_$][\\p{L}\\p{N}_$.]*(::[\\p{L}_$][\\p{L}\\p{N}_$]*)?")) {
            throw new IllegalArgumentException("Handler '" + handler + "' is not valid: use package.Class::method or package.Class");
        }
    }

    @Override
    public String kind() {
        return "java";
    }
}
