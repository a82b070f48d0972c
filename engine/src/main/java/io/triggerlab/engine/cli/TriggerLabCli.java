package io.triggerlab.engine.cli;

import io.triggerlab.engine.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * The headless {@code triggerlab} command. Each subcommand is its own class registered in {@code subcommands}
 * ({@code serve}, {@code function add|list|remove|fault}, {@code cluster}, {@code history}, {@code produce}, {@code metrics},
 * {@code aws-check}, {@code secret}, {@code sandbox info|user add|acl grant-esm}, {@code policy check}, {@code trigger reset-offsets},
 * {@code sam import}).
 * <p>
 * Exit codes: 0 success, 2 a problem the user can fix (bad option, data directory in use, port taken, broker did not
 * start) reported as one line on stderr, 1 an unexpected failure (a bug), reported with its stack trace.
 */
@Command(name = "triggerlab",
        mixinStandardHelpOptions = true,
        versionProvider = TriggerLabCli.VersionProvider.class,
        description = "Runs AWS Lambda's Kafka / Amazon MSK trigger locally, for real.",
        subcommands = {ServeCommand.class, FunctionCommand.class, ClusterCommand.class, HistoryCommand.class,
                ProduceCommand.class, SecretCommand.class, MetricsCommand.class, AwsCheckCommand.class,
                SandboxCommand.class, PolicyCommand.class, TriggerCommand.class, SamCommand.class, LogsCommand.class})
public final class TriggerLabCli implements Callable<Integer> {

    /** A problem the user can fix: wrong option, directory in use, port taken, broker did not start. */
    public static final int EXIT_USAGE = 2;
    /** Something failed that should not have: a bug. */
    public static final int EXIT_SOFTWARE = 1;

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    public TriggerLabCli(CliEnvironment environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(new TriggerLabCli(CliEnvironment.system()).commandLine().execute(args));
    }

    /** The configured command line; tests redirect its output with {@code setOut}/{@code setErr}. */
    public CommandLine commandLine() {
        return new CommandLine(this)
                .setParameterExceptionHandler(CliErrors::onBadArguments)
                .setExecutionExceptionHandler(CliErrors::onFailure);
    }

    CliEnvironment environment() {
        return environment;
    }

    /** {@code triggerlab} alone: show what it can do. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        spec.commandLine().usage(err);
        return EXIT_USAGE;
    }

    /** {@code --version}: {@code triggerlab 0.1.0}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"triggerlab " + Version.current()};
        }
    }
}
