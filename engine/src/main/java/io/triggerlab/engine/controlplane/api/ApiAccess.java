package io.triggerlab.engine.controlplane.api;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Who may reach the local API. By default it listens on the loopback interface only, where every local client is
 * trusted as before. Bound to any other address, requests from the network must carry the data directory's token
 * ({@link ApiToken}); requests from this machine's loopback interface still need none, so the CLI and the console keep
 * working unchanged.
 *
 * @param bindAddress the address the server listens on
 * @param token       the token network clients must send, or {@code null} on loopback
 */
public record ApiAccess(InetAddress bindAddress, String token) {

    public ApiAccess {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (!bindAddress.isLoopbackAddress() && (token == null || token.isBlank())) {
            throw new IllegalArgumentException("The API on " + bindAddress.getHostAddress() + " is reachable from the"
                    + " network and needs a token: use ApiAccess.bind(address, dataDirectory)");
        }
    }

    /** 127.0.0.1 only, no token: the default. */
    public static ApiAccess loopbackOnly() {
        return new ApiAccess(InetAddress.getLoopbackAddress(), null);
    }

    /** Listens on {@code address}; anything but loopback reads (or creates) the token file in the data directory. */
    public static ApiAccess bind(InetAddress address, Path dataDirectory) {
        return address.isLoopbackAddress() ? new ApiAccess(address, null)
                : new ApiAccess(address, ApiToken.readOrCreate(dataDirectory.resolve(ApiToken.FILE_NAME)));
    }

    public boolean tokenRequired() {
        return token != null;
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "ApiAccess[" + bindAddress.getHostAddress() + (tokenRequired() ? ", token required from the network]" : "]");
    }
}
