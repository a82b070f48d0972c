package io.triggerlab.engine.invoke.function;

/**
 * A TriggerLab extra (Lambda has no such switch): debugger settings passed to a runtime target's process, and whether
 * the function timeout is suspended so a developer can sit at a breakpoint.
 *
 * <p>With {@code enabled}, a Java runtime gets {@code JAVA_TOOL_OPTIONS=-agentlib:jdwp=...,address=127.0.0.1:<port>},
 * Node.js gets {@code NODE_OPTIONS=--inspect=127.0.0.1:<port>}, Python and custom runtimes get
 * {@code TRIGGERLAB_DEBUG_PORT=<port>} (TriggerLab's Python bootstrap then listens with {@code debugpy} when it is
 * importable). While debugging, the function has a single execution environment: the port can be bound once.
 *
 * @param enabled        pass the debugger settings
 * @param port           the debugger's port on 127.0.0.1 (1..65535)
 * @param suspendTimeout do not end invocations at the function timeout
 */
public record RuntimeDebugging(boolean enabled, int port, boolean suspendTimeout) {

    /** Debugging off; the port is the JDWP/inspector convention users expect when they switch it on. */
    public static final RuntimeDebugging OFF = new RuntimeDebugging(false, 5005, false);

    public RuntimeDebugging {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Debug port " + port + " is out of range: must be 1..65535");
        }
    }

    /** True when invocations must not be ended at the function timeout. */
    public boolean timeoutSuspended() {
        return enabled && suspendTimeout;
    }
}
