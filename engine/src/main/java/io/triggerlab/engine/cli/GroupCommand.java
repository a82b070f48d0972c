package io.triggerlab.engine.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * A command that only groups subcommands ({@code triggerlab trigger}, {@code triggerlab sam}): run alone, it shows
 * its usage on stderr and exits with the usage code. Picocli finds the annotated field in this superclass.
 */
abstract class GroupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return TriggerLabCli.EXIT_USAGE;
    }
}
