package io.triggerlab.console.settings;

import io.triggerlab.console.QueuedExecutor;
import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.JavaHandlerTarget;
import io.triggerlab.engine.invoke.function.LambdaInvokeTarget;
import io.triggerlab.engine.invoke.function.LambdaRuntime;
import io.triggerlab.engine.invoke.function.RuntimeDebugging;
import io.triggerlab.engine.invoke.function.RuntimeTarget;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionEditorViewModelTest {

    private final QueuedExecutor background = new QueuedExecutor();
    private final List<FunctionDefinition> stored = new ArrayList<>();
    private final FunctionStore store = new FunctionStore() {
        @Override
        public List<FunctionDefinition> list() {
            return stored;
        }

        @Override
        public FunctionDefinition register(FunctionDefinition function) {
            if (stored.stream().anyMatch(f -> f.name().equals(function.name()))) {
                throw new IllegalArgumentException("Function '" + function.name()
                        + "' is already registered: update it or remove it first");
            }
            stored.add(function);
            return function;
        }

        @Override
        public FunctionDefinition update(FunctionDefinition function) {
            stored.replaceAll(f -> f.name().equals(function.name()) ? function : f);
            return function;
        }

        @Override
        public boolean remove(String name) {
            return stored.removeIf(f -> f.name().equals(name));
        }

        @Override
        public Optional<String> runtimeProblem(FunctionDefinition function) {
            return function.target() instanceof RuntimeTarget r && !r.code().toString().startsWith("/code")
                    ? Optional.of("The code of function '" + function.name() + "' is missing: " + r.code()
                    + " does not exist.") : Optional.empty();
        }

        @Override
        public String region() {
            return "eu-west-1";
        }

        @Override
        public String accountId() {
            return "123456789012";
        }
    };
    private final FunctionEditorViewModel vm = new FunctionEditorViewModel(store, new BackgroundWork(background, Runnable::run));

    @Test
    void registersACommand_splittingItLikeAShell() {
        vm.nameProperty().set("echo-fn");
        vm.commandProperty().set("sh -c 'cat > /dev/null; echo \"{}\"'");
        vm.timeoutSecondsProperty().set("30");

        vm.save();
        background.runAll();

        FunctionDefinition saved = vm.savedProperty().get();
        assertThat(saved.target()).isEqualTo(new CommandTarget(List.of("sh", "-c", "cat > /dev/null; echo \"{}\""), null, Map.of()));
        assertThat(saved.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(saved.functionArn()).isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:echo-fn");
    }

    @Test
    void warnsAboveTheFourteenMinutesAKafkaTriggerAllows() {
        vm.timeoutSecondsProperty().set("840");
        assertThat(vm.timeoutWarningProperty().get()).isEmpty();

        vm.timeoutSecondsProperty().set("900");

        assertThat(vm.timeoutWarningProperty().get()).startsWith("Timeout 900 s is over the 14 minutes (840 s) a Kafka "
                + "trigger allows");
    }

    @Test
    void refusals_areTheEnginesWords() {
        vm.nameProperty().set("bad name");
        vm.commandProperty().set("cat");
        vm.save();
        assertThat(vm.errorMessageProperty().get())
                .isEqualTo("Function name 'bad name' is not valid: 1 to 64 letters, digits, hyphens or underscores");

        vm.nameProperty().set("fn");
        vm.commandProperty().set("sh -c 'unclosed");
        vm.save();
        assertThat(vm.errorMessageProperty().get()).startsWith("The command has an unclosed ' quote");

        vm.kindProperty().set(TargetKind.INVOKE);
        vm.endpointProperty().set("localhost");
        vm.remoteFunctionNameProperty().set("fn");
        vm.save();
        assertThat(vm.errorMessageProperty().get()).startsWith("Endpoint 'localhost' is not an http(s) URL");

        stored.add(new FunctionDefinition("taken", new CommandTarget(List.of("cat"), null, Map.of()), null, "eu-west-1",
                "123456789012"));
        vm.kindProperty().set(TargetKind.COMMAND);
        vm.nameProperty().set("taken");
        vm.commandProperty().set("cat");
        vm.save();
        background.runAll();
        assertThat(vm.errorMessageProperty().get())
                .isEqualTo("Function 'taken' is already registered: update it or remove it first");
    }

    @Test
    void editingFillsTheForm_fromEveryKindOfTarget() {
        vm.edit(new FunctionDefinition("java-fn", new JavaHandlerTarget(List.of(Path.of("/app/a.jar"), Path.of("/app/b.jar")),
                "com.example.Handler::handle"), Duration.ofSeconds(60), "eu-west-1", "123456789012"));
        assertThat(vm.editingProperty().get()).isTrue();
        assertThat(vm.kindProperty().get()).isEqualTo(TargetKind.JAVA);
        assertThat(vm.classpathProperty().get()).isEqualTo("/app/a.jar" + java.io.File.pathSeparator + "/app/b.jar");

        FunctionEditorViewModel invoke = new FunctionEditorViewModel(store, new BackgroundWork(background, Runnable::run));
        invoke.edit(new FunctionDefinition("remote", new LambdaInvokeTarget(java.net.URI.create("http://127.0.0.1:3001"),
                "OrdersFn", "live", "us-west-2", "dev"), null, "eu-west-1", "123456789012"));
        assertThat(invoke.endpointProperty().get()).isEqualTo("http://127.0.0.1:3001");
        assertThat(invoke.qualifierProperty().get()).isEqualTo("live");
        assertThat(invoke.toDefinition().target()).isEqualTo(new LambdaInvokeTarget(
                java.net.URI.create("http://127.0.0.1:3001"), "OrdersFn", "live", "us-west-2", "dev"));
    }

    @Test
    void commandsRoundTripThroughJoinAndSplit() {
        List<String> words = List.of("python3", "my handler.py", "it's", "");
        assertThat(CommandLine.split(CommandLine.join(words))).isEqualTo(words);
    }

    @Test
    void registersALambdaRuntimeFunction_withItsEnvironmentMemoryAndDebugger() {
        runtimeForm("python3.12", "app.handler", "/code/orders");
        vm.memorySizeProperty().set("512");
        vm.environmentProperty().set("STAGE=test, TABLE=orders");
        vm.debugEnabledProperty().set(true);
        vm.debugPortProperty().set("5678");
        vm.save();
        background.runAll();

        assertThat(stored).singleElement().satisfies(f -> {
            assertThat(f.target()).isEqualTo(new RuntimeTarget(LambdaRuntime.PYTHON_3_12, "app.handler",
                    Path.of("/code/orders"), 512, Map.of("STAGE", "test", "TABLE", "orders"),
                    new RuntimeDebugging(true, 5678, true)));
            assertThat(f.timeout()).isEqualTo(Duration.ofSeconds(3));
        });
        assertThat(vm.savedProperty().get()).isNotNull();
    }

    @Test
    void aHandlerThatDoesNotFitTheRuntime_isRefusedInItsWords() {
        runtimeForm("nodejs20.x", "index", "/code/web");
        assertThat(vm.handlerExampleProperty().get()).startsWith("index.handler");
        vm.save();
        assertThat(vm.errorMessageProperty().get()).isEqualTo("Handler 'index' does not fit nodejs20.x: it takes "
                + "file.function (the file without its extension, then the exported function), e.g. index.handler "
                + "(export const handler in index.mjs or index.js)");

        runtimeForm("java17", "com.example.Handler::handle Request", "/code/app.jar");
        vm.save();
        assertThat(vm.errorMessageProperty().get()).contains("without spaces");

        runtimeForm("ruby3.3", "app.handler", "/code/app");
        vm.save();
        assertThat(vm.errorMessageProperty().get()).startsWith("Runtime 'ruby3.3' is not supported: use one of python3.9");

        runtimeForm("provided.al2023", "anything-goes", "/code/app");
        vm.debugEnabledProperty().set(true);
        vm.debugPortProperty().set("70000");
        vm.save();
        assertThat(vm.errorMessageProperty().get()).isEqualTo("Debug port 70000 is out of range: must be 1..65535");
        assertThat(stored).isEmpty();
        assertThat(background.waiting()).isZero();
    }

    @Test
    void whatWouldKeepTheRuntimeFromStarting_isShownFirst_andASecondRegisterStoresItAnyway() {
        runtimeForm("python3.12", "app.handler", "/elsewhere/app");
        vm.save();
        background.runAll();
        assertThat(stored).isEmpty();
        assertThat(vm.savedProperty().get()).isNull();
        assertThat(vm.runtimeWarningProperty().get()).isEqualTo("The code of function 'orders' is missing: "
                + "/elsewhere/app does not exist. Press Register again to store the function as it is.");

        vm.save();
        background.runAll();
        assertThat(stored).extracting(FunctionDefinition::name).containsExactly("orders");
        assertThat(vm.runtimeWarningProperty().get()).isEmpty();
    }

    @Test
    void editingARuntimeFunction_fillsItsDebuggerSettings() {
        vm.edit(new FunctionDefinition("orders", new RuntimeTarget(LambdaRuntime.JAVA_21, "com.example.H::handle",
                Path.of("/code/app.jar"), 1024, Map.of("A", "1"), new RuntimeDebugging(true, 5005, false)),
                Duration.ofSeconds(30), "eu-west-1", "123456789012"));
        assertThat(vm.kindProperty().get()).isEqualTo(TargetKind.RUNTIME);
        assertThat(vm.runtimeProperty().get()).isEqualTo("java21");
        assertThat(vm.memorySizeProperty().get()).isEqualTo("1024");
        assertThat(vm.debugEnabledProperty().get()).isTrue();
        assertThat(vm.suspendTimeoutProperty().get()).isFalse();
        assertThat(vm.handlerExampleProperty().get()).isEqualTo("com.example.Handler::handleRequest");
    }

    private void runtimeForm(String runtime, String handler, String code) {
        vm.nameProperty().set("orders");
        vm.kindProperty().set(TargetKind.RUNTIME);
        vm.runtimeProperty().set(runtime);
        vm.handlerProperty().set(handler);
        vm.codeProperty().set(code);
    }
}
