package io.triggerlab.engine.cli;

import io.triggerlab.engine.infra.store.DataDirectory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * A command that works on an engine's data directory itself ({@code serve}, {@code metrics}): the {@code --data-dir}
 * option and how it resolves against {@code TRIGGERLAB_HOME} and the user's home. Picocli finds the annotated fields
 * in this superclass.
 */
abstract class DataDirectoryCommand implements Callable<Integer> {

    @ParentCommand
    TriggerLabCli parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory (default: $TRIGGERLAB_HOME, else ~/.triggerlab).")
    Path dataDir;

    /** {@code --data-dir}, else {@code $TRIGGERLAB_HOME}, else {@code ~/.triggerlab}. */
    Path dataDirectory() {
        return DataDirectory.resolve(dataDir, parent.environment().variables(), parent.environment().userHome());
    }
}
