package io.triggerlab.console.settings;

import io.triggerlab.engine.invoke.function.FunctionDefinition;

import java.util.List;
import java.util.Optional;

/** The engine's function registry as the settings screen uses it. Every call may block (the database). */
public interface FunctionStore {

    List<FunctionDefinition> list();

    FunctionDefinition register(FunctionDefinition function);

    FunctionDefinition update(FunctionDefinition function);

    boolean remove(String name);

    /**
     * What would keep a Lambda-runtime function from starting (its code, its interpreter, its bootstrap), in words
     * that name the fix; empty when it can start or is not a runtime target.
     */
    Optional<String> runtimeProblem(FunctionDefinition function);

    /** The engine's region and account, which every local function's ARN carries. */
    String region();

    String accountId();
}
