package io.triggerlab.bench;

/** Of an engine run's invocations, how many kept their event payload in the history (the rest say why not). */
record PayloadsKept(int invocations, int kept) {

    @Override
    public String toString() {
        return kept + " of " + invocations;
    }
}
