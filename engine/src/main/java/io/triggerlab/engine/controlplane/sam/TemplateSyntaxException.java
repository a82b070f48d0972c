package io.triggerlab.engine.controlplane.sam;

/** The template is not readable YAML or JSON; nothing of it can be imported. */
public final class TemplateSyntaxException extends IllegalArgumentException {

    private final int line;

    public TemplateSyntaxException(String template, int line, String problem) {
        super(template + (line > 0 ? " line " + line : "") + ": " + problem);
        this.line = line;
    }

    /** The 1-based line of the problem, or 0 when the parser named none. */
    public int line() {
        return line;
    }
}
