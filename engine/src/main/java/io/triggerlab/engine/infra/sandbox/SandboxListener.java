package io.triggerlab.engine.infra.sandbox;

import org.apache.kafka.common.security.auth.SecurityProtocol;

import java.util.Objects;

/**
 * One client-facing listener of the sandbox broker, always bound to 127.0.0.1.
 * {@link SecuredListeners} adds {@code SASL_SSL}, {@code SASL_PLAIN}, {@code MTLS} and {@code TLS} ones and puts their
 * listener-scoped properties ({@code listener.name.<name>.*}) into
 * {@link BrokerSettings#extraProperties()}.
 *
 * @param name             the Kafka listener name, e.g. {@code PLAINTEXT}, {@code SASL_SSL}; upper case letters,
 *                         digits and underscores; {@value #CONTROLLER} is reserved for the broker's own controller
 * @param securityProtocol what clients must speak on it
 * @param port             the port, or 0 for a free one chosen at start
 */
public record SandboxListener(String name, SecurityProtocol securityProtocol, int port) {

    /** The listener name the broker reserves for its KRaft controller. */
    public static final String CONTROLLER = "CONTROLLER";
    /** The listener the broker talks to itself on, and the one {@link EmbeddedKafkaBroker#bootstrapServers()} names. */
    public static final String PLAINTEXT = "PLAINTEXT";

    public SandboxListener {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(securityProtocol, "securityProtocol");
        if (!name.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("Listener name '" + name
                    + "' is not valid: use upper case letters, digits and underscores, e.g. SASL_SSL");
        }
        if (name.equals(CONTROLLER)) {
            throw new IllegalArgumentException("Listener name " + CONTROLLER
                    + " is reserved for the broker's controller: choose another name");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Port " + port + " of listener " + name
                    + " is out of range: must be 0..65535 (0 = any free port)");
        }
    }

    /** The PLAINTEXT listener every sandbox broker has. */
    public static SandboxListener plaintext(int port) {
        return new SandboxListener(PLAINTEXT, SecurityProtocol.PLAINTEXT, port);
    }

    public SandboxListener withPort(int newPort) {
        return new SandboxListener(name, securityProtocol, newPort);
    }
}
