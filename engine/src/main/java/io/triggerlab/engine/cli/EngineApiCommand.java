package io.triggerlab.engine.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * A command that talks to a running engine through its HTTP API: the {@code --endpoint} option and the command line
 * it prints to. Picocli finds the annotated fields in this superclass.
 */
abstract class EngineApiCommand implements Callable<Integer> {

    @Mixin
    FunctionCommand.EndpointMixin endpoint;

    @Spec
    CommandSpec spec;
}
