package io.triggerlab.engine.controlplane.sam;

/** A value the importer cannot map; the resource or event holding it is left out and reported at {@code line}. */
final class UnmappableException extends RuntimeException {

    private final int line;

    UnmappableException(int line, String message) {
        super(message, null, false, false);
        this.line = line;
    }

    int line() {
        return line;
    }
}
