package io.triggerlab.console.settings;

/** The kinds of function target a person can register. */
public enum TargetKind {
    RUNTIME("Lambda runtime", "Your handler as Lambda runs it: Python, Node.js, Java or a custom runtime's bootstrap, "
            + "in an execution environment kept warm between invocations, through Lambda's Runtime API."),
    COMMAND("Command", "Any program: it reads the event JSON on stdin, writes the response on stdout and its log on "
            + "stderr; a non-zero exit is a function error."),
    JAVA("Java handler", "A RequestHandler or RequestStreamHandler class, run in this process in its own class loader."),
    INVOKE("Lambda Invoke API", "A function behind Lambda's Invoke API: sam local start-lambda, the Runtime Interface "
            + "Emulator, LocalStack, or a deployed function in AWS.");

    private final String label;
    private final String description;

    TargetKind(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return label;
    }
}
