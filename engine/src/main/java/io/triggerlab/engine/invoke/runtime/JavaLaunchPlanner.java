package io.triggerlab.engine.invoke.runtime;

import io.triggerlab.engine.invoke.function.RuntimeTarget;
import io.triggerlab.engine.invoke.runtime.javaclient.JavaRuntimeClient;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Java: AWS's {@code aws-lambda-java-runtime-interface-client} in a child JVM (the same handler loading and
 * serialization as Lambda's Java runtime), started with a JVM of the runtime's version ({@link JavaHomes}). Where the
 * client's JNI part does not load (it exists for Linux x86_64 and aarch64 only), AWS's client still runs the handler,
 * but TriggerLab's {@link JavaRuntimeClient} carries its Runtime API calls. The handler's classes are read from the
 * task root and its {@code lib/*.jar}, as on Lambda.
 */
final class JavaLaunchPlanner implements LaunchPlanner {

    static final String AWS_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private final RuntimeHostSettings settings;

    JavaLaunchPlanner(RuntimeHostSettings settings) {
        this.settings = settings;
    }

    @Override
    public RuntimeLaunch plan(RuntimeTarget target, Path taskRoot) throws RuntimeUnavailableException {
        Path clients = settings.workDirectory().resolve("clients");
        List<String> classpath = new ArrayList<>();
        for (String jar : BundledFiles.lines("java/jars.txt")) {
            classpath.add(BundledFiles.extract(clients, "java/" + jar).toString());
        }
        boolean official = settings.clients() == RuntimeHostSettings.ClientChoice.OFFICIAL_WHERE_AVAILABLE && jniLoads();
        String main = AWS_MAIN;
        String client = "aws-lambda-java-runtime-interface-client (AWS)";
        if (!official) {
            classpath.add(0, JavaClientClasses.extract(clients.resolve("java-triggerlab")).toString());
            main = JavaRuntimeClient.class.getName();
            client = "aws-lambda-java-runtime-interface-client (AWS) over TriggerLab's Runtime API transport"
                    + (jniLoads() ? "" : " (AWS's native transport is built for Linux only)");
        }
        // Lambda's Java runtime: a heap of about 85 % of MemorySize, the serial collector, C1 only (fast start).
        long heapMb = Math.max(64, target.memorySize() * 85L / 100);
        List<String> command = List.of(JavaHomes.javaFor(target.runtime()).toString(), "-Xmx" + heapMb + "m", "-XX:+UseSerialGC",
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", String.join(File.pathSeparator, classpath), main, target.handler());
        return new RuntimeLaunch(command, Map.of(), taskRoot, client);
    }

    /** The client's JNI library exists for glibc and musl Linux on x86_64 and aarch64. */
    static boolean jniLoads() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return Executables.LINUX && (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"));
    }
}
