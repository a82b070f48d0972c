package io.triggerlab.console.settings;

import java.util.ArrayList;
import java.util.List;

/** Splits a typed command line into program and arguments, as a POSIX shell would for plain words and quotes. */
final class CommandLine {

    private CommandLine() {
    }

    /**
     * {@code sh -c 'cat > /dev/null; echo "{}"'} → {@code [sh, -c, cat > /dev/null; echo "{}"]}.
     *
     * @throws IllegalArgumentException when a quote is not closed
     */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("The command has an unclosed " + quote + " quote: close it, e.g. "
                    + "sh -c 'cat > /dev/null'");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** The words joined back, quoting those that need it, for editing an existing command. */
    static String join(List<String> words) {
        List<String> quoted = new ArrayList<>();
        for (String w : words) {
            quoted.add(w.isEmpty() || w.chars().anyMatch(c -> Character.isWhitespace(c) || "'\"\\$;&|<>".indexOf(c) >= 0)
                    ? "'" + w.replace("'", "'\"'\"'") + "'" : w);
        }
        return String.join(" ", quoted);
    }
}
