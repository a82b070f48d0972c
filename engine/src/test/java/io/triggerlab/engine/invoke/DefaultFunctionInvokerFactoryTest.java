package io.triggerlab.engine.invoke;

import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.FunctionTarget;
import io.triggerlab.engine.invoke.function.JavaHandlerTarget;
import io.triggerlab.engine.invoke.function.LambdaInvokeTarget;
import io.triggerlab.engine.invoke.function.LambdaRuntime;
import io.triggerlab.engine.invoke.function.RuntimeTarget;
import io.triggerlab.engine.invoke.runtime.RuntimeHost;
import io.triggerlab.engine.invoke.runtime.RuntimeInvoker;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultFunctionInvokerFactoryTest {

    private static final Map<Class<? extends FunctionTarget>, FunctionTarget> ONE_OF_EACH = Map.of(
            LambdaInvokeTarget.class, new LambdaInvokeTarget(URI.create("http://127.0.0.1:3001"), "fn", null, "us-east-1", null),
            JavaHandlerTarget.class, new JavaHandlerTarget(List.of(Path.of("handler.jar")), "example.Handler"),
            CommandTarget.class, new CommandTarget(List.of("cat"), null, null),
            RuntimeTarget.class, new RuntimeTarget(LambdaRuntime.PYTHON_3_12, "app.handler", Path.of("src"), Map.of()));

    private static final Map<Class<? extends FunctionTarget>, Class<? extends FunctionInvoker>> EXPECTED = Map.of(
            LambdaInvokeTarget.class, LambdaApiInvoker.class,
            JavaHandlerTarget.class, JavaHandlerInvoker.class,
            CommandTarget.class, CommandInvoker.class,
            RuntimeTarget.class, RuntimeInvoker.class);

    private final DefaultFunctionInvokerFactory factory = new DefaultFunctionInvokerFactory(java.time.Clock.systemUTC(),
            RuntimeHost.standalone(Path.of(System.getProperty("java.io.tmpdir"))));

    @Test
    void everyKindOfTarget_hasAnInvoker() {
        assertThat(Stream.of(FunctionTarget.class.getPermittedSubclasses()).collect(Collectors.toSet()))
                .as("a new FunctionTarget needs a case in DefaultFunctionInvokerFactory and a sample here")
                .isEqualTo(ONE_OF_EACH.keySet());
    }

    @Test
    void createsTheInvokerThatMatchesTheTarget() {
        ONE_OF_EACH.forEach((type, target) -> {
            try (FunctionInvoker invoker = factory.create(new FunctionDefinition("fn", target, null, "us-east-1", "123456789012"))) {
                assertThat(invoker).as(type.getSimpleName()).isInstanceOf(EXPECTED.get(type));
            }
        });
    }
}
