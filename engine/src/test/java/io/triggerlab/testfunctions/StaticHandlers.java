package io.triggerlab.testfunctions;

import java.util.Locale;

/** Plain {@code Class::method} handlers without Lambda's interfaces. */
public final class StaticHandlers {

    private StaticHandlers() {
    }

    public static String upperCase(String event) {
        return event.toUpperCase(Locale.ROOT);
    }

    public static String ping() {
        return "pong";
    }
}
