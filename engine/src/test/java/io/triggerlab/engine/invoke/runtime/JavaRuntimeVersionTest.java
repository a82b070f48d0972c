package io.triggerlab.engine.invoke.runtime;

import io.triggerlab.engine.invoke.InvocationRequest;
import io.triggerlab.engine.invoke.InvocationResult;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.LambdaRuntime;
import io.triggerlab.engine.invoke.function.RuntimeTarget;
import io.triggerlab.testfunctions.JavaVersionHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Java runtime's function runs on that runtime's Java version: {@code java17} on 17, {@code java21} on an installed
 * Java 21 (found as {@link JavaHomes} says); without one, {@code java21} is one clear error naming the install command.
 * AWS's client runs over TriggerLab's transport here, the path macOS and Windows take.
 */
class JavaRuntimeVersionTest {

    @TempDir
    Path work;
    private RuntimeHost host;

    @BeforeEach
    void setUp() {
        host = new RuntimeHost(RuntimeHostSettings.in(work).withClients(RuntimeHostSettings.ClientChoice.TRIGGERLAB_ONLY),
                name -> Optional.empty(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        host.close();
    }

    @Test
    void java17_runsOnJava17() throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() == 17 || JavaHomes.find(17).isPresent(),
                "no Java 17 JVM on this machine");
        assertThat(invoke(LambdaRuntime.JAVA_17)).isEqualTo("\"java 17\"");
    }

    @Test
    void java21_runsOnAnInstalledJava21() throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() == 21 || JavaHomes.find(21).isPresent(),
                "no Java 21 JVM found (TRIGGERLAB_JAVA21_HOME, JAVA_HOME_21_X64, /usr/lib/jvm, …): java21 cannot be run here");
        assertThat(invoke(LambdaRuntime.JAVA_21)).isEqualTo("\"java 21\"");
    }

    @Test
    void java21_withoutAJava21Jvm_isOneErrorNamingTheInstallCommand() {
        Assumptions.assumeTrue(Runtime.version().feature() != 21 && JavaHomes.find(21).isEmpty(),
                "a Java 21 JVM is installed here");
        RuntimeTarget target = new RuntimeTarget(LambdaRuntime.JAVA_21, JavaVersionHandler.class.getName()
                + "::handleRequest", classes(), Map.of());
        assertThat(RuntimePreflight.problem("java21-fn", target)).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("Runtime java21 needs a Java 21 JVM, and TriggerLab (running on Java ")
                .contains("sudo apt-get install openjdk-21-jre-headless", "TRIGGERLAB_JAVA21_HOME"));
        InvocationResult result = host.invoke(function(target), request());
        assertThat(result).isNotInstanceOf(InvocationResult.Success.class);
        assertThat(result.toString() + result.logs()).contains("Runtime java21 needs a Java 21 JVM");
    }

    private String invoke(LambdaRuntime runtime) throws Exception {
        FunctionDefinition fn = function(new RuntimeTarget(runtime, JavaVersionHandler.class.getName()
                + "::handleRequest", classes(), Map.of()));
        InvocationResult result = host.invoke(fn, request());
        assertThat(result).as(result.logs()).isInstanceOf(InvocationResult.Success.class);
        return new String(((InvocationResult.Success) result).payload(), StandardCharsets.UTF_8);
    }

    private static FunctionDefinition function(RuntimeTarget target) {
        return new FunctionDefinition("java-version-fn", target, Duration.ofSeconds(30), "us-east-1", "123456789012");
    }

    private static InvocationRequest request() {
        return new InvocationRequest("{}".getBytes(StandardCharsets.UTF_8), UUID.randomUUID().toString(),
                Duration.ofSeconds(30));
    }

    private static Path classes() {
        try {
            return Path.of(JavaVersionHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
