package io.triggerlab.console.wiring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;

/**
 * How long the console took to start, from the JVM's start: the window on screen, then the engine running and its
 * workspace shown. Logged once each (the first start, not restarts from Settings); {@code bench/console-start.sh}
 * reads these lines to print the start-time figures.
 */
final class StartTimes {

    static final String WINDOW = "Start time: window shown";
    static final String RUNNING = "Start time: engine running, triggers shown";

    private static final Logger log = LoggerFactory.getLogger(StartTimes.class);

    private final long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    private boolean windowLogged;
    private boolean runningLogged;

    /** On the FX thread, once the main window is on the stage. */
    void windowShown() {
        if (!windowLogged) {
            windowLogged = true;
            log.info("{} {} ms after the JVM started", WINDOW, sinceJvmStart());
        }
    }

    /** On the FX thread, once the workspace shows the running engine's triggers. */
    void running() {
        if (!runningLogged) {
            runningLogged = true;
            log.info("{} {} ms after the JVM started", RUNNING, sinceJvmStart());
        }
    }

    private long sinceJvmStart() {
        return System.currentTimeMillis() - jvmStart;
    }
}
