package io.triggerlab.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an engine start spends its time: each phase's duration logged as it ends ("Engine start phase: broker 4210
 * ms"), so a slow start (issue 19.7) can be read from the log instead of guessed. One per start, on the starting thread.
 */
final class StartPhases {

    private static final Logger log = LoggerFactory.getLogger(StartPhases.class);

    private final long started = System.nanoTime();
    private long phaseStarted = started;

    /** Ends the phase under way, logging its name and duration; the next phase starts now. */
    void ended(String phase) {
        long now = System.nanoTime();
        log.info("Engine start phase: {} {} ms (total {} ms)", phase, (now - phaseStarted) / 1_000_000,
                (now - started) / 1_000_000);
        phaseStarted = now;
    }
}
