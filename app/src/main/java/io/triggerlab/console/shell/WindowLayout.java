package io.triggerlab.console.shell;

/**
 * Where the main window was and how it was divided, remembered between runs.
 *
 * @param sidebarDivider   the trigger list's share of the window width (0..1)
 * @param inspectorDivider the invocation table's share of the work area's height (0..1)
 */
public record WindowLayout(double x, double y, double width, double height, boolean maximized,
                           double sidebarDivider, double inspectorDivider) {

    public static final WindowLayout DEFAULT = new WindowLayout(Double.NaN, Double.NaN, 1280, 820, false, 0.25, 0.3);

    public WindowLayout {
        width = Math.max(width, 720);
        height = Math.max(height, 480);
        sidebarDivider = clamp(sidebarDivider, 0.1, 0.5, DEFAULT_SIDEBAR);
        inspectorDivider = clamp(inspectorDivider, 0.15, 0.85, DEFAULT_INSPECTOR);
    }

    private static final double DEFAULT_SIDEBAR = 0.25;
    private static final double DEFAULT_INSPECTOR = 0.3;

    private static double clamp(double value, double min, double max, double fallback) {
        return Double.isNaN(value) ? fallback : Math.min(max, Math.max(min, value));
    }

    /** True when a position was remembered (the first run lets the platform place the window). */
    public boolean hasPosition() {
        return !Double.isNaN(x) && !Double.isNaN(y);
    }
}
