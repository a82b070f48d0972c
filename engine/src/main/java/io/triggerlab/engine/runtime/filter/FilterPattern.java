package io.triggerlab.engine.runtime.filter;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Lambda {@code FilterCriteria} pattern, checked and matched by Event Ruler — the library EventBridge itself uses
 * (docs/aws-behaviour.md#filtering). Lambda's own narrowing of the syntax is applied first ({@link LambdaFilterSyntax}); everything else
 * (what a leaf may hold, numeric ranges, {@code $or}) is Event Ruler's to accept or refuse, in its words.
 * Immutable; build one with {@link #parse(String)}.
 */
public final class FilterPattern {

    private static final Pattern RULER_LOCATION = Pattern.compile("line: (\\d+), column: (\\d+)]");

    private final String source;

    private FilterPattern(String source) {
        this.source = source;
    }

    /**
     * Checks a Lambda {@code FilterCriteria} pattern.
     *
     * @throws InvalidFilterPatternException naming what is wrong and, where Event Ruler says it, at which column
     */
    public static FilterPattern parse(String pattern) {
        LambdaFilterSyntax.check(pattern);
        String problem = JsonRuleCompiler.check(pattern);
        if (problem != null) {
            throw new InvalidFilterPatternException(readable(problem));
        }
        return new FilterPattern(pattern);
    }

    /** True when the event (a JSON object) satisfies this pattern; a one-pattern machine, for tests and previews. */
    public boolean matches(JsonNode event) {
        Machine machine = new Machine();
        try {
            machine.addRule("pattern", source);
        } catch (IOException e) {
            throw new InvalidFilterPatternException(readable(e.getMessage()));
        }
        return !machine.rulesForJSONEvent(event).isEmpty();
    }

    /** The pattern text. */
    public String source() {
        return source;
    }

    /** Event Ruler's first line, and the column its parser stopped at (the rest repeats the pattern). */
    private static String readable(String rulerMessage) {
        String text = rulerMessage == null ? "the pattern does not compile" : rulerMessage;
        int newline = text.indexOf('\n');
        String first = (newline < 0 ? text : text.substring(0, newline)).strip();
        Matcher at = RULER_LOCATION.matcher(text);
        return at.find() ? first + " (at column " + at.group(2) + ")" : first;
    }

    @Override
    public String toString() {
        return source;
    }
}
