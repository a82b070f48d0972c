package io.triggerlab.engine.cli;

import io.triggerlab.engine.Engine;
import io.triggerlab.engine.EngineConfig;
import io.triggerlab.engine.client.EngineClient;
import io.triggerlab.engine.controlplane.api.ApiAccess;
import io.triggerlab.engine.observe.events.EngineEventBus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code triggerlab serve}: starts the engine and keeps it running until Ctrl-C or SIGTERM, which stop it cleanly
 * (a shutdown hook closes the engine; this thread only waits for that to finish).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the engine (with an embedded Kafka sandbox unless --bootstrap-servers is given) and run until stopped.")
final class ServeCommand extends DataDirectoryCommand {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "Use this existing Kafka cluster instead of the embedded sandbox broker.")
    private String bootstrapServers;

    @Option(names = "--sandbox-port", paramLabel = "N",
            description = "Port of the embedded sandbox broker on 127.0.0.1 (default: any free port).")
    private Integer sandboxPort;

    @Option(names = "--secured-sandbox",
            description = {"Run the sandbox broker with SASL_SSL (SCRAM), SASL/PLAIN over TLS, mTLS and TLS listeners,",
                    "ACLs and its own CA, registered as an MSK cluster with TLS and SASL/SCRAM brokers."})
    private boolean securedSandbox;

    @Option(names = "--no-history-payloads",
            description = "Keep every invocation in the history, but not its event and response bodies: for load tests,"
                    + " where compressing each multi-MB event costs more than delivering it.")
    private boolean noHistoryPayloads;

    @Option(names = "--strict-aws",
            description = "Refuse, with the API error AWS would give, every trigger configuration that the \"Would"
                    + " this pass on AWS?\" check finds AWS would reject (for CI). Without it those findings are warnings.")
    private boolean strictAws;

    @Option(names = "--api-port", paramLabel = "N",
            description = "Port of the local Lambda API on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 = any free port).",
            defaultValue = "" + EngineConfig.DEFAULT_API_PORT)
    private int apiPort;

    @Option(names = "--api-bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address the Lambda API listens on (default: ${DEFAULT-VALUE}, this machine only). Any other"
                    + " address, e.g. 0.0.0.0, opens it to the network: clients from other machines must then send the"
                    + " token printed at start (stored in the data directory's api-token file).")
    private String apiBind;

    @Option(names = "--print-env",
            description = {"Print only shell exports on standard output (TRIGGERLAB_API_ENDPOINT, AWS_ENDPOINT_URL_LAMBDA,",
                    "AWS_REGION, credentials, TRIGGERLAB_BOOTSTRAP_SERVERS, TRIGGERLAB_SANDBOX_CLUSTER_ARN), then the line '"
                    + TestEnvironment.READY + "', for tests in any language; messages go to standard error."})
    private boolean printEnv;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = EngineConfig.DEFAULT_REGION,
            description = "The local AWS region used in ARNs (default: ${DEFAULT-VALUE}).")
    private String region;

    @Option(names = "--account-id", paramLabel = "ID", defaultValue = EngineConfig.DEFAULT_ACCOUNT_ID,
            description = "The local 12-digit AWS account id used in ARNs (default: ${DEFAULT-VALUE}).")
    private String accountId;

    @Override
    public Integer call() throws InterruptedException {
        EngineConfig config = config();
        PrintWriter out = printEnv ? spec.commandLine().getErr() : spec.commandLine().getOut();
        ApiAccess access = ApiAccess.bind(bindAddress(), config.dataDirectory());
        Engine engine = Engine.start(config, new EngineEventBus(), access);
        engine.strictAws(strictAws);
        EngineClient client = engine.client();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(engine, out, stopped), "triggerlab-shutdown"));

        out.println("TriggerLab engine started.");
        out.println("Data directory: " + config.dataDirectory());
        out.println("Kafka bootstrap servers: " + client.bootstrapServers()
                + (engine.usesSandbox() ? " (embedded sandbox)" : " (existing cluster)"));
        client.securedSandbox().ifPresent(secured -> {
            out.println("Secured sandbox: SASL/SCRAM " + secured.saslScram() + ", TLS " + secured.tls()
                    + " (MSK cluster " + EngineClient.SANDBOX_CLUSTER_NAME + ")");
            out.println("Sandbox CA certificate: " + secured.caFile()
                    + "  (trust it in your clients; SERVER_ROOT_CA_CERTIFICATE secret " + secured.caSecretArn() + ")");
        });
        engine.sandboxSchemaRegistry().ifPresent(url -> out.println("Schema registry: " + url
                + "  (Confluent-compatible; SchemaRegistryURI for triggers on the sandbox)"));
        out.println("Lambda API: " + client.apiEndpoint()
                + "  (aws lambda ... --endpoint-url " + client.apiEndpoint() + ")");
        if (access.tokenRequired()) {
            out.println("Lambda API listens on " + access.bindAddress().getHostAddress() + ", open to the network."
                    + " Clients on other machines must send its token, as 'Authorization: Bearer <token>' or as"
                    + " AWS_ACCESS_KEY_ID for the AWS CLI: " + access.token());
        }
        if (strictAws) {
            out.println("Strict AWS mode: configurations AWS would reject are refused with AWS's error.");
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        if (printEnv) {
            PrintWriter env = spec.commandLine().getOut();
            env.print(TestEnvironment.exports(TestEnvironment.variables(client, access)));
            env.flush();
        }

        stopped.await();
        return 0;
    }

    /** The --api-bind address, which must be one of this machine's (or 0.0.0.0 / :: for all of them). */
    private InetAddress bindAddress() {
        try {
            InetAddress address = InetAddress.getByName(apiBind);
            if (!address.isAnyLocalAddress() && !address.isLoopbackAddress()
                    && NetworkInterface.getByInetAddress(address) == null) {
                throw new IllegalArgumentException("--api-bind " + apiBind + " is not an address of this machine: use"
                        + " one of its interface addresses, 0.0.0.0 for all of them, or 127.0.0.1 (the default)");
            }
            return address;
        } catch (UnknownHostException | SocketException e) {
            throw new IllegalArgumentException("--api-bind " + apiBind + " is not an IP address or host name this"
                    + " machine can resolve (" + e.getMessage() + "): give an address such as 0.0.0.0 or 192.168.1.20", e);
        }
    }

    private EngineConfig config() {
        if (bootstrapServers != null && securedSandbox) {
            throw new IllegalArgumentException("--secured-sandbox applies only to the embedded sandbox broker,"
                    + " but --bootstrap-servers selects an existing cluster: give one or the other");
        }
        if (bootstrapServers != null && sandboxPort != null) {
            throw new IllegalArgumentException("--sandbox-port applies only to the embedded sandbox broker,"
                    + " but --bootstrap-servers selects an existing cluster: give one or the other");
        }
        if (bootstrapServers != null) {
            BootstrapServers.requireValid(bootstrapServers);
        }
        Path directory = dataDirectory();
        EngineConfig config = EngineConfig.defaults(directory).withApiPort(apiPort).withAccount(region, accountId)
                .withSecuredSandbox(securedSandbox)
                .withKeepHistoryPayloads(!noHistoryPayloads);
        if (sandboxPort != null) {
            config = config.withSandboxPort(sandboxPort);
        }
        return bootstrapServers == null ? config : config.withExternalBootstrap(bootstrapServers);
    }

    private static void stop(Engine engine, PrintWriter out, CountDownLatch stopped) {
        try {
            out.println("Stopping TriggerLab engine...");
            out.flush();
            engine.close();
            out.println("TriggerLab engine stopped.");
            out.flush();
        } finally {
            stopped.countDown();
        }
    }
}
