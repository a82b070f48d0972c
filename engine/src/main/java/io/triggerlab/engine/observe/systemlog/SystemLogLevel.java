package io.triggerlab.engine.observe.systemlog;

import java.util.Locale;

/**
 * {@code SystemLogLevel}: WARN (least detail) &lt; INFO &lt; DEBUG (most detail). A mapping at a level writes the events
 * of that level and every lower one, as AWS's event poller does.
 */
public enum SystemLogLevel {
    WARN, INFO, DEBUG;

    /** Whether a mapping configured at this level writes an event of {@code event}'s level. */
    public boolean admits(SystemLogLevel event) {
        return event.ordinal() <= ordinal();
    }

    /** The level named by {@code name} (any case), or {@code null} for {@code null} or a blank name. */
    public static SystemLogLevel parse(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("System log level '" + name + "' is not valid: use DEBUG, INFO or WARN");
        }
    }
}
