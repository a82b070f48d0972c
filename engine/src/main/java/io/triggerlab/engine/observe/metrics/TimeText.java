package io.triggerlab.engine.observe.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the times and durations users type in the API and the CLI: {@code 5s}, {@code PT5S}, ISO instants, epoch ms. */
public final class TimeText {

    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private TimeText() {
    }

    /** {@code 200ms}, {@code 5s}, {@code 1m}, {@code 2h}, {@code 7d}, or ISO-8601 {@code PT5S}. */
    public static Duration duration(String text, String what) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                Duration d = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
                return positive(d, text, what);
            }
            return positive(Duration.parse(text.trim().toUpperCase(Locale.ROOT)), text, what);
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a duration: write e.g. 200ms, 5s, 1m, 2h, 7d"
                    + " or ISO-8601 PT5S");
        }
    }

    /** An ISO-8601 instant ({@code 2026-03-01T12:00:00Z}) or epoch milliseconds. */
    public static Instant instant(String text, String what) {
        String t = text.trim();
        try {
            if (t.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochMilli(Long.parseLong(t));
            }
            return Instant.parse(t);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a time: write an ISO-8601 instant such as"
                    + " 2026-03-01T12:00:00Z, or epoch milliseconds");
        }
    }

    private static Duration positive(Duration d, String text, String what) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " '" + text + "' must be positive");
        }
        return d;
    }
}
