package io.triggerlab.console.shell;

import java.util.Objects;

/** The engine as the console shows it. One record per state, so views can switch over them. */
public sealed interface EngineState {

    /** Shown in the top bar and the status bar. */
    String label();

    /** The engine is starting (for the sandbox: the embedded broker is being formatted and started). */
    record Starting() implements EngineState {
        @Override
        public String label() {
            return "Starting";
        }
    }

    /** The engine runs; its cluster listens at {@code bootstrapServers}. */
    record Running(String bootstrapServers) implements EngineState {
        public Running {
            Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        }

        @Override
        public String label() {
            return "Running";
        }
    }

    /** The engine could not start; {@code message} says why and what to do, for a person to read. */
    record Failed(String message) implements EngineState {
        public Failed {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String label() {
            return "Failed";
        }
    }

    /** The engine is shutting down because the window is closing. */
    record Stopping() implements EngineState {
        @Override
        public String label() {
            return "Stopping";
        }
    }

    /** No engine runs: not yet started, or stopped. */
    record Stopped() implements EngineState {
        @Override
        public String label() {
            return "Stopped";
        }
    }
}
