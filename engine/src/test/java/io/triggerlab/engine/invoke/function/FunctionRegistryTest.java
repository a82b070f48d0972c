package io.triggerlab.engine.invoke.function;

import io.triggerlab.engine.infra.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunctionRegistryTest {

    private final Database database = Database.inMemory("functions-" + UUID.randomUUID());
    private final FunctionRegistry registry = new FunctionRegistry(database.dataSource());

    @AfterEach
    void close() {
        database.close();
    }

    private static FunctionDefinition command(String name, Duration timeout) {
        return new FunctionDefinition(name, new CommandTarget(List.of("python3", "handler.py"), Path.of("fn"),
                Map.of("MODE", "test")), timeout, "us-east-1", "123456789012");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "MyFunction,                                                         arn:aws:lambda:us-east-1:123456789012:function:MyFunction",
            "MyFunction:PROD,                                                    arn:aws:lambda:us-east-1:123456789012:function:MyFunction:PROD",
            "MyFunction:$LATEST,                                                 arn:aws:lambda:us-east-1:123456789012:function:MyFunction:$LATEST",
            "arn:aws:lambda:us-east-1:123456789012:function:MyFunction,          arn:aws:lambda:us-east-1:123456789012:function:MyFunction",
            "arn:aws:lambda:us-east-1:123456789012:function:MyFunction:7,        arn:aws:lambda:us-east-1:123456789012:function:MyFunction:7",
            "123456789012:function:MyFunction,                                   arn:aws:lambda:us-east-1:123456789012:function:MyFunction",
            "123456789012:function:MyFunction:live,                              arn:aws:lambda:us-east-1:123456789012:function:MyFunction:live"})
    void resolvesEveryFunctionNameForm_toTheFunctionArn(String functionName, String expectedArn) {
        registry.register(command("MyFunction", null));

        ResolvedFunction resolved = registry.resolve(functionName).orElseThrow();

        assertThat(resolved.functionArn()).isEqualTo(expectedArn);
        assertThat(resolved.definition().name()).isEqualTo("MyFunction");
        assertThat(registry.find(functionName)).contains(resolved.definition());
    }

    @ParameterizedTest
    @CsvSource({"Other", "arn:aws:lambda:eu-west-1:123456789012:function:MyFunction",
            "999999999999:function:MyFunction", "not a name"})
    void findsNothing_forAnotherNameRegionAccountOrMalformedName(String functionName) {
        registry.register(command("MyFunction", null));

        assertThat(registry.resolve(functionName)).isEmpty();
    }

    @Test
    void persistsEveryTargetKind_asJson() {
        FunctionDefinition cmd = command("cmd", Duration.ofSeconds(30));
        FunctionDefinition java = new FunctionDefinition("java", new JavaHandlerTarget(
                List.of(Path.of("build/libs/app.jar"), Path.of("/opt/lib")), "com.example.Handler::handle"),
                null, "us-east-1", "123456789012");
        FunctionDefinition lambda = new FunctionDefinition("remote", new LambdaInvokeTarget(
                URI.create("http://127.0.0.1:3001"), "HelloWorld", "live", "us-east-1", "dev"),
                Duration.ofMinutes(15), "us-east-1", "123456789012");
        registry.register(cmd);
        registry.register(java);
        registry.register(lambda);

        FunctionDefinition runtime = new FunctionDefinition("py", new RuntimeTarget(LambdaRuntime.PYTHON_3_12,
                "app.handler", Path.of("src"), 256, Map.of("STAGE", "dev"), new RuntimeDebugging(true, 5678, true)),
                Duration.ofSeconds(10), "us-east-1", "123456789012");
        registry.register(runtime);

        assertThat(registry.list()).containsExactly(cmd, java, runtime, lambda);
        assertThat(registry.findByName("py").orElseThrow().target()).isEqualTo(runtime.target());
        assertThat(registry.findByName("java").orElseThrow().target())
                .isEqualTo(new JavaHandlerTarget(List.of(Path.of("build/libs/app.jar"), Path.of("/opt/lib")),
                        "com.example.Handler::handle"));
    }

    @Test
    void defaultsTimeoutTo3Seconds_andFlagsTimeoutsAboveTheKafkaCap() {
        registry.register(command("quick", null));
        registry.register(command("slow", Duration.ofMinutes(15)));

        assertThat(registry.findByName("quick").orElseThrow().timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(registry.findByName("quick").orElseThrow().exceedsKafkaTriggerTimeout()).isFalse();
        assertThat(registry.findByName("slow").orElseThrow().exceedsKafkaTriggerTimeout()).isTrue();
    }

    @Test
    void updatesAndRemovesFunctions() {
        registry.register(command("fn", null));

        registry.update(command("fn", Duration.ofSeconds(60)));

        assertThat(registry.findByName("fn").orElseThrow().timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(registry.remove("fn")).isTrue();
        assertThat(registry.remove("fn")).isFalse();
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void refusesDuplicateRegistration_andUpdateOfUnknownFunction() {
        registry.register(command("fn", null));

        assertThatThrownBy(() -> registry.register(command("fn", null)))
                .hasMessage("Function 'fn' is already registered: update it or remove it first");
        assertThatThrownBy(() -> registry.update(command("ghost", null)))
                .hasMessage("Function 'ghost' is not registered: register it first");
    }

    @Test
    void keepsFunctions_acrossRestart(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("engine"))) {
            new FunctionRegistry(db.dataSource()).register(command("durable", Duration.ofSeconds(9)));
        }
        try (Database db = Database.open(dir.resolve("engine"))) {
            assertThat(new FunctionRegistry(db.dataSource()).findByName("durable"))
                    .contains(command("durable", Duration.ofSeconds(9)));
        }
    }
}
