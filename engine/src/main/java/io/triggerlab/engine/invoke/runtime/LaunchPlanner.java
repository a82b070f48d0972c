package io.triggerlab.engine.invoke.runtime;

import io.triggerlab.engine.invoke.function.RuntimeTarget;

import java.nio.file.Path;

/** Decides how one language's runtime process starts: which interpreter and which runtime interface client. */
interface LaunchPlanner {

    /** @param taskRoot the function's unpacked code */
    RuntimeLaunch plan(RuntimeTarget target, Path taskRoot) throws RuntimeUnavailableException;
}
