package io.triggerlab.engine.infra.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;

/** Picks and probes loopback ports. There is a small race between closing a probe and the broker binding the port. */
public final class FreePorts {
    private FreePorts() {
    }

    /** A port on 127.0.0.1 that was free a moment ago. */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    /**
     * A free port that is none of {@code chosen}: ports chosen for other listeners are not bound until the broker
     * starts, so the operating system may hand one of them out again (a secured sandbox once got its controller on the
     * port its TLS listener had kept from the previous run).
     */
    public static int pickExcept(Set<Integer> chosen) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = pick();
            if (!chosen.contains(port)) {
                return port;
            }
        }
        throw new UncheckedIOException(new IOException("No free loopback port other than " + chosen));
    }

    /** Whether a server could bind this port on 127.0.0.1 right now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
