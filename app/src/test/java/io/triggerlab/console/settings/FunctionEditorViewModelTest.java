package io.triggerlab.console.settings;

import io.triggerlab.console.QueuedExecutor;
import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.JavaHandlerTarget;
import io.triggerlab.engine.invoke.function.LambdaInvokeTarget;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
}
