package io.triggerlab.engine.invoke.faults;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an injected fault makes an invocation come to, as the failure policy sees it. */
public enum FaultKind {
    /** A function error ({@code X-Amz-Function-Error: Unhandled}). */
    ERROR,
    /** The Invoke API's 429 {@code TooManyRequestsException}. */
    THROTTLE,
    /** The function runs past its timeout. */
    TIMEOUT;

    /** The kind's word in the API and CLI: {@code error}, {@code throttle}, {@code timeout}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code error|throttle|timeout} (any case); anything else is refused with the accepted words. */
    public static FaultKind parse(String word) {
        for (FaultKind kind : values()) {
            if (kind.word().equalsIgnoreCase(word == null ? "" : word.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Fault kind '" + word + "' is not known: use one of "
                + Arrays.stream(values()).map(FaultKind::word).collect(Collectors.joining(", ")));
    }
}
