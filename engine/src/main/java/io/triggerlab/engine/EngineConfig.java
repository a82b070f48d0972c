package io.triggerlab.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything needed to start an {@link Engine}.
 *
 * @param dataDirectory      TriggerLab's data directory (database, sandbox broker log)
 * @param externalBootstrap  bootstrap servers of an existing cluster, or {@code null} to run the embedded sandbox broker
 * @param sandboxPort        the sandbox broker's port, 0 = any free port
 * @param apiPort            the local Lambda API's port on 127.0.0.1, 0 = any free port
 * @param region             the local AWS region used in ARNs
 * @param accountId          the local 12-digit AWS account id used in ARNs
 * @param clock              the engine's clock
 */
public record EngineConfig(Path dataDirectory, String externalBootstrap, int sandboxPort, int apiPort,
                           String region, String accountId, Clock clock) {

    public static final int DEFAULT_API_PORT = 9001;
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT_ID = "000000000000";

    public EngineConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (sandboxPort < 0 || sandboxPort > 65535) {
            throw new IllegalArgumentException("Sandbox port " + sandboxPort
                    + " is out of range: must be 0..65535 (0 = any free port)");
        }
        if (apiPort < 0 || apiPort > 65535) {
            throw new IllegalArgumentException("API port " + apiPort + " is out of range: must be 0..65535 (0 = any free port)");
        }
        region = region == null ? DEFAULT_REGION : region;
        accountId = accountId == null ? DEFAULT_ACCOUNT_ID : accountId;
        if (!region.matches("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d")) {
            throw new IllegalArgumentException("Region '" + region + "' is not valid: use an AWS region name such as us-east-1");
        }
        if (!accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("Account id '" + accountId + "' is not valid: must be 12 digits");
        }
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** Defaults for a data directory: sandbox broker on a free port, API on {@value #DEFAULT_API_PORT}. */
    public static EngineConfig defaults(Path dataDirectory) {
        return new EngineConfig(dataDirectory, null, 0, DEFAULT_API_PORT, DEFAULT_REGION, DEFAULT_ACCOUNT_ID, Clock.systemUTC());
    }

    public EngineConfig withApiPort(int port) {
        return new EngineConfig(dataDirectory, externalBootstrap, sandboxPort, port, region, accountId, clock);
    }

    public EngineConfig withExternalBootstrap(String bootstrap) {
        return new EngineConfig(dataDirectory, bootstrap, sandboxPort, apiPort, region, accountId, clock);
    }

    /** The region and account that appear in every ARN the engine makes (functions, mappings, the sandbox cluster). */
    public EngineConfig withAccount(String newRegion, String newAccountId) {
        return new EngineConfig(dataDirectory, externalBootstrap, sandboxPort, apiPort, newRegion, newAccountId, clock);
    }

    public EngineConfig withSandboxPort(int port) {
        return new EngineConfig(dataDirectory, externalBootstrap, port, apiPort, region, accountId, clock);
    }

    public boolean usesSandbox() {
        return externalBootstrap == null;
    }
}
