package io.triggerlab.engine.infra.sandbox;

import org.apache.kafka.common.utils.internals.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the embedded broker from killing the JVM it is a guest in.
 * <p>
 * On a fatal fault (a start that times out, a broken log directory) Kafka's broker calls {@code Exit.halt(1)},
 * which is right for a standalone broker but here would take the engine, the console and every test with it.
 * Kafka routes those calls through one replaceable procedure; this guard replaces it with one that throws instead,
 * so the failure reaches {@link EmbeddedKafkaBroker#start} (or the failing broker thread) as an exception. Only the
 * broker calls Kafka's {@code Exit}; the clients never do, so nothing else in the process is affected.
 */
final class KafkaExitGuard {

    private static final Logger log = LoggerFactory.getLogger(KafkaExitGuard.class);

    private KafkaExitGuard() {
    }

    /** Idempotent: installing the same procedures again changes nothing. */
    static void install() {
        Exit.setExitProcedure(KafkaExitGuard::refuse);
        Exit.setHaltProcedure(KafkaExitGuard::refuse);
    }

    private static void refuse(int statusCode, String message) {
        String text = "The embedded Kafka broker hit a fatal error and asked to end the process with status " + statusCode
                + (message == null ? "" : " (" + message + ")") + "; the process keeps running and the broker is stopped";
        log.error(text);
        throw new IllegalStateException(text);
    }
}
