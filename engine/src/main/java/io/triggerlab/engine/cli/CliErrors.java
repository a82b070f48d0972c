package io.triggerlab.engine.cli;

import io.triggerlab.engine.infra.sandbox.BrokerStartException;
import io.triggerlab.engine.infra.store.DataDirectoryInUseException;
import picocli.CommandLine;

import java.io.UncheckedIOException;
import java.util.List;

/** Turns failures into one clear line on stderr and an exit code; only bugs get a stack trace. */
final class CliErrors {

    /** Failures whose message already says what went wrong and what to do. */
    private static final List<Class<? extends Exception>> USER_FIXABLE = List.of(
            DataDirectoryInUseException.class,
            BrokerStartException.class,
            IllegalArgumentException.class,
            UncheckedIOException.class);

    private CliErrors() {
    }

    static int onBadArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println("triggerlab: " + oneLine(e.getMessage())
                + " (see 'triggerlab " + subcommandPath(cmd) + "--help')");
        return TriggerLabCli.EXIT_USAGE;
    }

    static int onFailure(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        if (USER_FIXABLE.stream().anyMatch(type -> type.isInstance(e))) {
            cmd.getErr().println("triggerlab: " + oneLine(e.getMessage()));
            return TriggerLabCli.EXIT_USAGE;
        }
        cmd.getErr().println("triggerlab: unexpected failure, please report it: " + e);
        e.printStackTrace(cmd.getErr());
        return TriggerLabCli.EXIT_SOFTWARE;
    }

    private static String subcommandPath(CommandLine cmd) {
        StringBuilder path = new StringBuilder();
        for (CommandLine c = cmd; c.getParent() != null; c = c.getParent()) {
            path.insert(0, c.getCommandName() + " ");
        }
        return path.toString();
    }

    private static String oneLine(String message) {
        return message == null ? "(no details)" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
