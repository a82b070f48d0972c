package io.triggerlab.engine;

import io.triggerlab.engine.runtime.failure.RetryBackoff;

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
 * @param securedSandbox     run the sandbox broker with the secured listeners (SASL_SSL SCRAM, SASL/PLAIN over TLS,
 *                           mTLS, TLS) and ACLs under its own CA, so users rehearse cluster authentication locally
 * @param keepHistoryPayloads whether the invocation history stores each event and response (the default); false keeps
 *                           every invocation's row, sizes, errors and logs but not the bodies, which costs far less at
 *                           high throughput (bench/README.md)
 * @param retryBackoff       the wait between attempts at a failing batch (AWS documents none; 500 ms doubling to
 *                           30 s by default). Tests shorten it so a retried batch does not cost them real seconds.
 */
public record EngineConfig(Path dataDirectory, String externalBootstrap, int sandboxPort, int apiPort,
                           String region, String accountId, Clock clock, boolean securedSandbox,
                           boolean keepHistoryPayloads, RetryBackoff retryBackoff) {

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
        retryBackoff = retryBackoff == null ? RetryBackoff.DEFAULT : retryBackoff;
        if (securedSandbox && externalBootstrap != null) {
            throw new IllegalArgumentException("A secured sandbox needs the embedded sandbox broker, but an existing "
                    + "cluster (" + externalBootstrap + ") was chosen: give one or the other");
        }
    }

    /** Without a secured sandbox. */
    public EngineConfig(Path dataDirectory, String externalBootstrap, int sandboxPort, int apiPort,
                        String region, String accountId, Clock clock) {
        this(dataDirectory, externalBootstrap, sandboxPort, apiPort, region, accountId, clock, false, true, null);
    }

    /** Defaults for a data directory: sandbox broker on a free port, API on {@value #DEFAULT_API_PORT}. */
    public static EngineConfig defaults(Path dataDirectory) {
        return new EngineConfig(dataDirectory, null, 0, DEFAULT_API_PORT, DEFAULT_REGION, DEFAULT_ACCOUNT_ID, Clock.systemUTC());
    }

    public EngineConfig withApiPort(int port) {
        return new EngineConfig(dataDirectory, externalBootstrap, sandboxPort, port, region, accountId, clock, securedSandbox, keepHistoryPayloads, retryBackoff);
    }

    public EngineConfig withExternalBootstrap(String bootstrap) {
        return new EngineConfig(dataDirectory, bootstrap, sandboxPort, apiPort, region, accountId, clock, securedSandbox, keepHistoryPayloads, retryBackoff);
    }

    /** The region and account that appear in every ARN the engine makes (functions, mappings, the sandbox cluster). */
    public EngineConfig withAccount(String newRegion, String newAccountId) {
        return new EngineConfig(dataDirectory, externalBootstrap, sandboxPort, apiPort, newRegion, newAccountId, clock, securedSandbox, keepHistoryPayloads, retryBackoff);
    }

    public EngineConfig withSandboxPort(int port) {
        return new EngineConfig(dataDirectory, externalBootstrap, port, apiPort, region, accountId, clock, securedSandbox, keepHistoryPayloads, retryBackoff);
    }

    /** The sandbox broker with secured listeners, ACLs and its own CA (see {@link #securedSandbox()}). */
    public EngineConfig withSecuredSandbox(boolean secured) {
        return new EngineConfig(dataDirectory, externalBootstrap, sandboxPort, apiPort, region, accountId, clock, secured, keepHistoryPayloads, retryBackoff);
    }

    public EngineConfig withKeepHistoryPayloads(boolean keep) {
        return new EngineConfig(dataDirectory, externalBootstrap, sandboxPort, apiPort, region, accountId, clock,
                securedSandbox, keep, retryBackoff);
    }

    /** Another wait between attempts at a failing batch (see {@link #retryBackoff()}). */
    public EngineConfig withRetryBackoff(RetryBackoff backoff) {
        return new EngineConfig(dataDirectory, externalBootstrap, sandboxPort, apiPort, region, accountId, clock,
                securedSandbox, keepHistoryPayloads, backoff);
    }

    public boolean usesSandbox() {
        return externalBootstrap == null;
    }
}
