package io.triggerlab.engine.cli;

/** Checks a {@code host:port[,host:port...]} list before it reaches a Kafka client with a vaguer error. */
final class BootstrapServers {

    private BootstrapServers() {
    }

    static void requireValid(String servers) {
        for (String server : servers.split(",", -1)) {
            String s = server.strip();
            int colon = s.lastIndexOf(':');
            if (colon <= 0 || !isPort(s.substring(colon + 1))) {
                throw new IllegalArgumentException("--bootstrap-servers '" + servers + "' is not valid: '" + s
                        + "' must be host:port with a port 1..65535, e.g. localhost:9092 (several separated by commas)");
            }
        }
    }

    private static boolean isPort(String text) {
        if (!text.matches("\\d{1,5}")) {
            return false;
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65535;
    }
}
