package io.triggerlab.console.settings;

import io.triggerlab.engine.EngineConfig;

import java.util.Objects;

/**
 * Which Kafka cluster the console's engine runs against, as chosen in Settings › Clusters and kept in
 * {@code console.properties}.
 *
 * @param mode             the embedded sandbox, the secured sandbox, or an existing cluster
 * @param bootstrapServers the existing cluster's {@code host:port[,host:port…]}; empty unless {@link Mode#EXTERNAL}
 */
public record ClusterInUse(Mode mode, String bootstrapServers) {

    public static final ClusterInUse SANDBOX = new ClusterInUse(Mode.SANDBOX, "");

    public enum Mode {
        SANDBOX("Embedded sandbox", "sandbox"),
        SECURED_SANDBOX("Embedded sandbox, secured (SASL/SCRAM + TLS)", "secured-sandbox"),
        EXTERNAL("External bootstrap servers", "external");

        private final String label;
        private final String key;

        Mode(String label, String key) {
            this.label = label;
            this.key = key;
        }

        public String label() {
            return label;
        }

        /** The value in {@code console.properties}. */
        public String key() {
            return key;
        }

        static Mode ofKey(String key) {
            for (Mode mode : values()) {
                if (mode.key.equals(key)) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("Cluster mode '" + key + "' is not known: use sandbox, secured-sandbox "
                    + "or external");
        }
    }

    public ClusterInUse {
        Objects.requireNonNull(mode, "mode");
        bootstrapServers = bootstrapServers == null ? "" : bootstrapServers.strip();
        if (mode == Mode.EXTERNAL) {
            requireValidBootstrap(bootstrapServers);
        } else {
            bootstrapServers = "";
        }
    }

    /** The engine's configuration with this cluster in use. */
    public EngineConfig applyTo(EngineConfig base) {
        return switch (mode) {
            case SANDBOX -> base.withExternalBootstrap(null).withSecuredSandbox(false);
            case SECURED_SANDBOX -> base.withExternalBootstrap(null).withSecuredSandbox(true);
            case EXTERNAL -> base.withSecuredSandbox(false).withExternalBootstrap(bootstrapServers);
        };
    }

    /** The choice an engine configuration amounts to. */
    public static ClusterInUse of(EngineConfig config) {
        if (!config.usesSandbox()) {
            return new ClusterInUse(Mode.EXTERNAL, config.externalBootstrap());
        }
        return config.securedSandbox() ? new ClusterInUse(Mode.SECURED_SANDBOX, "") : SANDBOX;
    }

    /** What the top bar calls it: "Embedded sandbox", "Embedded sandbox, secured" or "External cluster". */
    public String shortLabel() {
        return switch (mode) {
            case SANDBOX -> "Embedded sandbox";
            case SECURED_SANDBOX -> "Embedded sandbox, secured";
            case EXTERNAL -> "External cluster";
        };
    }

    /** {@code host:port[,host:port…]}, checked here so the engine never starts against a vaguely wrong address. */
    static void requireValidBootstrap(String servers) {
        if (servers == null || servers.isBlank()) {
            throw new IllegalArgumentException("Bootstrap servers are empty: give the cluster's host:port, e.g. "
                    + "localhost:9092 (several separated by commas)");
        }
        for (String server : servers.split(",", -1)) {
            String s = server.strip();
            int colon = s.lastIndexOf(':');
            if (colon <= 0 || !isPort(s.substring(colon + 1))) {
                throw new IllegalArgumentException("Bootstrap servers '" + servers + "' are not valid: '" + s
                        + "' must be host:port with a port 1..65535, e.g. localhost:9092 (several separated by commas)");
            }
        }
    }

    private static boolean isPort(String text) {
        return text.matches("\\d{1,5}") && Integer.parseInt(text) >= 1 && Integer.parseInt(text) <= 65535;
    }
}
