package io.triggerlab.engine.infra.sandbox;

import io.triggerlab.engine.infra.cluster.BootstrapBrokers;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.common.acl.AclBinding;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The engine's sandbox broker in "secured" mode, so users rehearse cluster authentication locally: the
 * {@link SecuredListeners} (SASL_SSL with SCRAM, SASL/PLAIN over TLS, mTLS, TLS) and ACLs, under a CA kept in the
 * data directory ({@link SandboxCaFiles}). It stands for an MSK cluster whose {@code GetBootstrapBrokers} gives TLS
 * (the {@value SecuredListeners#TLS} listener, which asks for but does not require a client certificate, like MSK's
 * port 9094 with mTLS and unauthenticated TLS both on) and SASL/SCRAM (the {@value SecuredListeners#SASL_SSL}
 * listener); the PLAINTEXT listener stays for the engine's own administration and is its anonymous super user.
 */
public final class SecuredSandbox implements AutoCloseable {

    /** The secret name under which the engine keeps the CA in its vault, as a SERVER_ROOT_CA_CERTIFICATE secret. */
    public static final String CA_SECRET_NAME = "triggerlab-sandbox-ca";
    /** The secured listeners, in the order their ports are reported. */
    public static final List<String> LISTENERS =
            List.of(SecuredListeners.SASL_SSL, SecuredListeners.SASL_PLAIN, SecuredListeners.MTLS, SecuredListeners.TLS);

    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._@-]{1,128}");

    private final EmbeddedKafkaBroker broker;
    private final SandboxCa ca;
    private final Path caFile;

    private SecuredSandbox(EmbeddedKafkaBroker broker, SandboxCa ca, Path caFile) {
        this.broker = broker;
        this.ca = ca;
        this.caFile = caFile;
    }

    /**
     * Loads or makes the CA in {@code caDirectory} and starts the broker with the secured listeners.
     *
     * @param preferredPorts ports the listeners had last time, by listener name; a taken one falls back to a free port
     */
    public static SecuredSandbox start(BrokerSettings base, Path caDirectory, Map<String, Integer> preferredPorts) {
        SandboxCa ca = SandboxCaFiles.loadOrCreate(caDirectory);
        BrokerSettings settings = SecuredListeners.secure(base, ca, Map.of());
        for (String name : LISTENERS) {
            Integer port = preferredPorts.get(name);
            if (port != null && port > 0 && FreePorts.isFree(port)) {
                settings = settings.withListener(settings.listener(name).withPort(port));
            }
        }
        return new SecuredSandbox(EmbeddedKafkaBroker.start(settings), ca, caDirectory.resolve(SandboxCaFiles.CERTIFICATE_FILE));
    }

    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    /** What the sandbox registers as its MSK cluster's GetBootstrapBrokers: plaintext, TLS and SASL/SCRAM. */
    public BootstrapBrokers bootstrapBrokers() {
        return new BootstrapBrokers(broker.bootstrapServers(), broker.bootstrapServers(SecuredListeners.TLS),
                broker.bootstrapServers(SecuredListeners.SASL_SSL), null);
    }

    /** The CA certificate (PEM) that signed the broker's certificate. */
    public String caCertificatePem() {
        return ca.certificatePem();
    }

    /** Where the CA certificate is, for users' truststores. */
    public Path caFile() {
        return caFile;
    }

    /** A client certificate for mTLS, signed by the sandbox CA; the broker's principal for it is {@code User:<cn>}. */
    public IssuedCertificate issueClientCertificate(String commonName) {
        requireUserName(commonName);
        return ca.issueClient(commonName);
    }

    /**
     * Creates or replaces a SCRAM user on the SASL_SSL listener.
     *
     * @param mechanism {@code SCRAM-SHA-512} or {@code SCRAM-SHA-256}
     * @throws IllegalArgumentException for a bad name, an empty password or an unknown mechanism
     */
    public void upsertScramUser(String mechanism, String user, String password) {
        requireUserName(user);
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("The password of SCRAM user " + user + " is empty: give one");
        }
        broker.upsertScramUser(scramMechanism(mechanism), user, password);
    }

    /** Adds ACLs for principals of the secured listeners (SCRAM users, {@code User:<CN>} of client certificates). */
    public void createAcls(Collection<AclBinding> acls) {
        broker.createAcls(acls);
    }

    static ScramMechanism scramMechanism(String mechanism) {
        if ("SCRAM-SHA-512".equals(mechanism)) {
            return ScramMechanism.SCRAM_SHA_512;
        }
        if ("SCRAM-SHA-256".equals(mechanism)) {
            return ScramMechanism.SCRAM_SHA_256;
        }
        throw new IllegalArgumentException("SCRAM mechanism '" + mechanism + "' is not known: use SCRAM-SHA-512 "
                + "(MSK's, and SASL_SCRAM_512_AUTH's) or SCRAM-SHA-256 (SASL_SCRAM_256_AUTH, self-managed only)");
    }

    /** User names become principals ({@code User:<name>}) and ACL entries: keep them plain. */
    public static void requireUserName(String user) {
        if (user == null || !USER_NAME.matcher(user).matches()) {
            throw new IllegalArgumentException("User name '" + user + "' is not valid: use 1 to 128 letters, digits, "
                    + "'.', '_', '@' and '-'");
        }
    }

    @Override
    public void close() {
        broker.close();
    }

    @Override
    public String toString() {
        return "SecuredSandbox[" + bootstrapBrokers() + "]";
    }

    /** The CA secret's ARN in this region and account. */
    public static String caSecretArn(String region, String accountId) {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        return "arn:aws:secretsmanager:" + region + ":" + accountId + ":secret:" + CA_SECRET_NAME;
    }
}
