package io.triggerlab.console.settings;

import io.triggerlab.console.common.BackgroundWork;
import io.triggerlab.engine.invoke.function.CommandTarget;
import io.triggerlab.engine.invoke.function.FunctionDefinition;
import io.triggerlab.engine.invoke.function.FunctionTarget;
import io.triggerlab.engine.invoke.function.JavaHandlerTarget;
import io.triggerlab.engine.invoke.function.LambdaInvokeTarget;
import io.triggerlab.engine.invoke.function.LambdaRuntime;
import io.triggerlab.engine.invoke.function.RuntimeDebugging;
import io.triggerlab.engine.invoke.function.RuntimeTarget;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Registers a new function or edits one: its name, target (Lambda runtime, command, Java handler or Invoke API) and
 * timeout. Warns when the timeout is above the 14 minutes a Kafka trigger allows. A Lambda-runtime function is checked
 * before it is stored (runtime, handler shape, then code and interpreter): what would keep it from starting is shown,
 * and a second Register stores it anyway (the user may install the interpreter afterwards).
 */
public final class FunctionEditorViewModel {

    private static final long KAFKA_MAX_SECONDS = FunctionDefinition.KAFKA_TRIGGER_MAX_TIMEOUT.toSeconds();

    private final FunctionStore store;
    private final BackgroundWork work;

    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<TargetKind> kind = new SimpleObjectProperty<>(TargetKind.COMMAND);
    private final StringProperty command = new SimpleStringProperty("");
    private final StringProperty workingDirectory = new SimpleStringProperty("");
    private final StringProperty classpath = new SimpleStringProperty("");
    private final StringProperty handler = new SimpleStringProperty("");
    private final StringProperty endpoint = new SimpleStringProperty("http://127.0.0.1:3001");
    private final StringProperty remoteFunctionName = new SimpleStringProperty("");
    private final StringProperty qualifier = new SimpleStringProperty("");
    private final StringProperty region = new SimpleStringProperty("");
    private final StringProperty profile = new SimpleStringProperty("");
    private final StringProperty runtime = new SimpleStringProperty(LambdaRuntime.PYTHON_3_12.id());
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty memorySize = new SimpleStringProperty(String.valueOf(RuntimeTarget.DEFAULT_MEMORY_SIZE));
    private final StringProperty environment = new SimpleStringProperty("");
    private final BooleanProperty debugEnabled = new SimpleBooleanProperty();
    private final StringProperty debugPort = new SimpleStringProperty(String.valueOf(RuntimeDebugging.OFF.port()));
    private final BooleanProperty suspendTimeout = new SimpleBooleanProperty(true);
    private final StringBinding handlerExample;
    private final ReadOnlyStringWrapper runtimeWarning = new ReadOnlyStringWrapper("");
    /** The definition whose runtime problem was shown: registering exactly it again means "store it anyway". */
    private FunctionDefinition warnedAbout;
    private final StringProperty timeoutSeconds = new SimpleStringProperty(
            String.valueOf(FunctionDefinition.DEFAULT_TIMEOUT.toSeconds()));
    private final StringBinding timeoutWarning;
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<FunctionDefinition> saved = new ReadOnlyObjectWrapper<>();

    public FunctionEditorViewModel(FunctionStore store, BackgroundWork work) {
        this.store = Objects.requireNonNull(store, "store");
        this.work = Objects.requireNonNull(work, "work");
        region.set(store.region());
        timeoutWarning = Bindings.createStringBinding(this::describeTimeout, timeoutSeconds);
        handlerExample = Bindings.createStringBinding(() -> LambdaRuntime.find(runtime.get() == null ? ""
                : runtime.get().strip()).map(LambdaRuntime::exampleHandler).orElse("app.handler"), runtime);
    }

    /** Fills the form from a registered function; its name cannot change. */
    public void edit(FunctionDefinition function) {
        editing.set(true);
        name.set(function.name());
        timeoutSeconds.set(String.valueOf(function.timeout().toSeconds()));
        FunctionTarget target = function.target();
        if (target instanceof CommandTarget) {
            CommandTarget c = (CommandTarget) target;
            kind.set(TargetKind.COMMAND);
            command.set(CommandLine.join(c.command()));
            workingDirectory.set(c.workingDirectory() == null ? "" : c.workingDirectory().toString());
        } else if (target instanceof JavaHandlerTarget) {
            JavaHandlerTarget j = (JavaHandlerTarget) target;
            kind.set(TargetKind.JAVA);
            classpath.set(String.join(File.pathSeparator, j.classpath().stream().map(Path::toString).toList()));
            handler.set(j.handler());
        } else if (target instanceof RuntimeTarget r) {
            kind.set(TargetKind.RUNTIME);
            runtime.set(r.runtime().id());
            handler.set(r.handler());
            code.set(r.code().toString());
            memorySize.set(String.valueOf(r.memorySize()));
            environment.set(EnvironmentText.format(r.environment()));
            debugEnabled.set(r.debugging().enabled());
            debugPort.set(String.valueOf(r.debugging().port()));
            suspendTimeout.set(r.debugging().suspendTimeout());
        } else if (target instanceof LambdaInvokeTarget) {
            LambdaInvokeTarget l = (LambdaInvokeTarget) target;
            kind.set(TargetKind.INVOKE);
            endpoint.set(l.endpoint() == null ? "" : l.endpoint().toString());
            remoteFunctionName.set(l.functionName());
            qualifier.set(l.qualifier() == null ? "" : l.qualifier());
            region.set(l.region());
            profile.set(l.profile() == null ? "" : l.profile());
        }
    }

    /** Registers (or updates) the function; {@link #savedProperty()} gets it once the engine stored it. */
    public void save() {
        errorMessage.set("");
        FunctionDefinition function;
        try {
            function = toDefinition();
        } catch (IllegalArgumentException e) {
            errorMessage.set(e.getMessage());
            return;
        }
        busy.set(true);
        boolean update = editing.get();
        boolean anyway = function.equals(warnedAbout);
        work.submit(update ? "save the function" : "register the function", () -> {
            Optional<String> problem = anyway ? Optional.<String>empty() : store.runtimeProblem(function);
            return problem.isPresent() ? new Saving(null, problem.get())
                    : new Saving(update ? store.update(function) : store.register(function), "");
        }, outcome -> {
            busy.set(false);
            warnedAbout = outcome.stored() == null ? function : null;
            runtimeWarning.set(outcome.problem().isEmpty() ? "" : outcome.problem() + " Press " + (update ? "Save"
                    : "Register") + " again to store the function as it is.");
            if (outcome.stored() != null) {
                saved.set(outcome.stored());
            }
        }, message -> {
            busy.set(false);
            errorMessage.set(message);
        });
    }

    /** What a save did: stored the function, or stopped at what would keep it from starting. */
    private record Saving(FunctionDefinition stored, String problem) {
    }

    /** The function as typed; the engine's records word every refusal. */
    FunctionDefinition toDefinition() {
        return new FunctionDefinition(name.get().strip(), target(), Duration.ofSeconds(parseTimeout()), store.region(),
                store.accountId());
    }

    private FunctionTarget target() {
        switch (kind.get()) {
            case COMMAND:
                return new CommandTarget(CommandLine.split(command.get()), blank(workingDirectory.get()) ? null
                        : Path.of(workingDirectory.get().strip()), Map.of());
            case JAVA:
                return new JavaHandlerTarget(Arrays.stream(classpath.get().split(File.pathSeparator))
                        .map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList(), handler.get().strip());
            case RUNTIME:
                return runtimeTarget();
            case INVOKE:
                return new LambdaInvokeTarget(endpointUri(), remoteFunctionName.get().strip(),
                        blank(qualifier.get()) ? null : qualifier.get().strip(), region.get().strip(),
                        blank(profile.get()) ? null : profile.get().strip());
            default:
                throw new IllegalArgumentException("Unknown target kind " + kind.get());
        }
    }

    private RuntimeTarget runtimeTarget() {
        LambdaRuntime chosen = LambdaRuntime.of(runtime.get() == null ? "" : runtime.get().strip());
        chosen.handlerProblem(handler.get()).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (blank(code.get())) {
            throw new IllegalArgumentException("Code is required: the directory (or .zip/.jar) holding the handler");
        }
        RuntimeDebugging debugging = new RuntimeDebugging(debugEnabled.get(), parsePort(), suspendTimeout.get());
        return new RuntimeTarget(chosen, handler.get().strip(), Path.of(code.get().strip()), parseMemory(),
                EnvironmentText.parse(environment.get()), debugging);
    }

    private int parsePort() {
        return (int) wholeNumber(debugPort.get(), "Debug port", "a port number: must be 1..65535");
    }

    private URI endpointUri() {
        if (blank(endpoint.get())) {
            return null;
        }
        try {
            URI uri = new URI(endpoint.get().strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("Endpoint '" + endpoint.get().strip() + "' is not an http(s) URL: "
                        + "e.g. http://127.0.0.1:3001 for sam local start-lambda, or empty for AWS");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Endpoint '" + endpoint.get().strip() + "' is not a URL: " + e.getReason(), e);
        }
    }

    private int parseMemory() {
        return (int) wholeNumber(memorySize.get(), "Memory", "a whole number of MB: must be 128..10240");
    }

    private long parseTimeout() {
        return wholeNumber(timeoutSeconds.get(), "Timeout", "a whole number of seconds: must be 1..900");
    }

    /** The field's whole number; otherwise "Memory 'x' is not a whole number of MB: must be 128..10240". */
    private static long wholeNumber(String text, String field, String expected) {
        String typed = text == null ? "" : text.strip();
        try {
            long value = Long.parseLong(typed);
            if (value == (int) value) {
                return value;
            }
        } catch (NumberFormatException e) {
            // worded below, with what the field expects
        }
        throw new IllegalArgumentException(field + " '" + typed + "' is not " + expected);
    }

    private String describeTimeout() {
        try {
            long seconds = Long.parseLong(timeoutSeconds.get().strip());
            if (seconds > KAFKA_MAX_SECONDS && seconds <= FunctionDefinition.LAMBDA_MAX_TIMEOUT.toSeconds()) {
                return "Timeout " + seconds + " s is over the 14 minutes (840 s) a Kafka trigger allows: AWS "
                        + "rejects such a function for an MSK or self-managed Kafka trigger. TriggerLab still runs it.";
            }
            return "";
        } catch (NumberFormatException e) {
            return "";
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<TargetKind> kindProperty() {
        return kind;
    }

    /** The command line, e.g. {@code python3 handler.py} or {@code sh -c 'cat > /dev/null; echo {}'}. */
    public StringProperty commandProperty() {
        return command;
    }

    public StringProperty workingDirectoryProperty() {
        return workingDirectory;
    }

    /** Jars and class directories, separated by the platform's path separator. */
    public StringProperty classpathProperty() {
        return classpath;
    }

    /** {@code package.Class::method} or {@code package.Class}. */
    public StringProperty handlerProperty() {
        return handler;
    }

    /** The Invoke API endpoint; empty for the region's real AWS endpoint. */
    public StringProperty endpointProperty() {
        return endpoint;
    }

    public StringProperty remoteFunctionNameProperty() {
        return remoteFunctionName;
    }

    public StringProperty qualifierProperty() {
        return qualifier;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public StringProperty profileProperty() {
        return profile;
    }

    /** Lambda's Runtime identifier, e.g. {@code python3.12}. */
    public StringProperty runtimeProperty() {
        return runtime;
    }

    /** The runtime target's code: a directory, a .zip or a .jar. */
    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty memorySizeProperty() {
        return memorySize;
    }

    /** The runtime target's environment variables as {@code KEY=VALUE} pairs separated by commas or new lines. */
    public StringProperty environmentProperty() {
        return environment;
    }

    /** Debugging (a TriggerLab extra): pass debugger settings to the runtime process. */
    public BooleanProperty debugEnabledProperty() {
        return debugEnabled;
    }

    /** The debugger's port on 127.0.0.1. */
    public StringProperty debugPortProperty() {
        return debugPort;
    }

    /** While debugging, invocations are not ended at the function timeout. */
    public BooleanProperty suspendTimeoutProperty() {
        return suspendTimeout;
    }

    /** A handler as the chosen runtime takes it, for the field's prompt. */
    public StringBinding handlerExampleProperty() {
        return handlerExample;
    }

    /** What would keep the Lambda-runtime function from starting, found when Register was pressed; or empty. */
    public ReadOnlyStringProperty runtimeWarningProperty() {
        return runtimeWarning.getReadOnlyProperty();
    }

    public StringProperty timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    /** The 14-minute warning, or empty. */
    public StringBinding timeoutWarningProperty() {
        return timeoutWarning;
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FunctionDefinition> savedProperty() {
        return saved.getReadOnlyProperty();
    }
}
