package io.triggerlab.engine.invoke;

import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads a Java handler and its dependencies from the function's own classpath, isolated from the engine's, as a Lambda
 * sandbox would: the JDK comes from the platform class loader, everything else from the function's jars and class
 * directories — never from the engine's classpath (the engine's Jackson, Kafka or SLF4J stay invisible to the handler).
 *
 * <p>The one exception is Lambda's core interfaces ({@code aws-lambda-java-core}: {@code RequestHandler},
 * {@code RequestStreamHandler}, {@code Context}, {@code LambdaLogger}, ...). They always come from the engine, even when
 * the function's jar bundles them, so the engine's {@code Context} implementation and the handler's interfaces are the
 * same types on both sides. {@code aws-lambda-java-events} ({@code ...runtime.events}) is the user's, like any library.
 */
final class HandlerClassLoader extends URLClassLoader {

    private static final String LAMBDA_CORE_PACKAGE = "com.amazonaws.services.lambda.runtime";
    private static final String LAMBDA_CORE_LOGGING_PACKAGE = "com.amazonaws.services.lambda.runtime.logging";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader lambdaCoreLoader = RequestHandler.class.getClassLoader();

    HandlerClassLoader(List<Path> classpath) {
        super(urls(classpath), ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isLambdaCoreType(name)) {
            return lambdaCoreLoader.loadClass(name);
        }
        // The parent is the platform loader: it holds only the JDK, so asking it first never shadows the user's classes.
        return super.loadClass(name, resolve);
    }

    static boolean isLambdaCoreType(String className) {
        int lastDot = className.lastIndexOf('.');
        String packageName = lastDot < 0 ? "" : className.substring(0, lastDot);
        return packageName.equals(LAMBDA_CORE_PACKAGE) || packageName.equals(LAMBDA_CORE_LOGGING_PACKAGE);
    }

    private static URL[] urls(List<Path> classpath) {
        return classpath.stream().map(HandlerClassLoader::url).toArray(URL[]::new);
    }

    private static URL url(Path entry) {
        try {
            return entry.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException("Classpath entry " + entry + " is not a valid location", e);
        }
    }
}
