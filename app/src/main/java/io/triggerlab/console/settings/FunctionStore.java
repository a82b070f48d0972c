package io.triggerlab.console.settings;

import io.triggerlab.engine.invoke.function.FunctionDefinition;

import java.util.List;

/** The engine's function registry as the settings screen uses it. Every call may block (the database). */
public interface FunctionStore {

    List<FunctionDefinition> list();

    FunctionDefinition register(FunctionDefinition function);

    FunctionDefinition update(FunctionDefinition function);

    boolean remove(String name);

    /** The engine's region and account, which every local function's ARN carries. */
    String region();

    String accountId();
}
