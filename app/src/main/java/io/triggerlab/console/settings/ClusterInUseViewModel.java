package io.triggerlab.console.settings;

import io.triggerlab.console.common.BackgroundWork;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Objects;

/**
 * Settings › Clusters › Cluster in use: the embedded sandbox, the secured sandbox or an existing cluster. The choice is
 * saved in {@code console.properties} and applied by restarting the engine; while a secured sandbox runs, its SASL/TLS
 * brokers, CA file and how to make a SCRAM secret for it are shown.
 */
public final class ClusterInUseViewModel {

    static final String SCRAM_HOWTO = String.join("\n",
            "To let a trigger authenticate with SASL/SCRAM on the secured sandbox:",
            "1. Create a SCRAM user on the broker and store it as a secret: \"Create SCRAM user and secret\" above does",
            "   both. From a terminal instead (while the console runs):",
            "   printf 's3cret-pw' > alice.pw",
            "   triggerlab sandbox user add alice --password-file alice.pw",
            "2. and then Secrets tab › New…, kind SASL/SCRAM, name alice, username alice, password s3cret-pw.",
            "3. In the trigger wizard choose the sandbox cluster and, under Authentication, SASL_SCRAM_512_AUTH with",
            "   that secret. Until the user has Lambda's ACLs the trigger shows",
            "   \"PROBLEM: Cluster failed to authorize Lambda.\"; grant them with",
            "   triggerlab sandbox acl grant-esm --user alice --topic <topic> --group <trigger UUID>");

    private final ClustersBackend backend;
    private final ClusterInUseStore store;
    private final BackgroundWork work;
    private final Runnable restartEngine;

    private final ObjectProperty<ClusterInUse.Mode> mode = new SimpleObjectProperty<>(ClusterInUse.Mode.SANDBOX);
    private final StringProperty externalBootstrap = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<ClusterInUse> running = new ReadOnlyObjectWrapper<>(ClusterInUse.SANDBOX);
    private final ReadOnlyObjectWrapper<ClusterInUse> saved = new ReadOnlyObjectWrapper<>(ClusterInUse.SANDBOX);
    private final BooleanBinding restartNeeded;
    private final BooleanBinding choiceDiffers;
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper secured = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper securedClusterArn = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper saslScramBrokers = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tlsBrokers = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper caFile = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper caSecretArn = new ReadOnlyStringWrapper("");
    private final StringProperty scramUser = new SimpleStringProperty("");
    private final StringProperty scramPassword = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper scramMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper scramError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper schemaRegistry = new ReadOnlyStringWrapper("");

    /**
     * @param restartEngine stops the running engine and starts it again with the saved choice (the main window shows
     *                      the progress); called on the FX thread
     */
    public ClusterInUseViewModel(ClustersBackend backend, ClusterInUseStore store, BackgroundWork work,
                                 Runnable restartEngine) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.store = Objects.requireNonNull(store, "store");
        this.work = Objects.requireNonNull(work, "work");
        this.restartEngine = Objects.requireNonNull(restartEngine, "restartEngine");
        this.restartNeeded = Bindings.createBooleanBinding(() -> !saved.get().equals(running.get()), saved, running);
        this.choiceDiffers = Bindings.createBooleanBinding(() -> mode.get() != running.get().mode()
                || (mode.get() == ClusterInUse.Mode.EXTERNAL
                && !externalBootstrap.get().strip().equals(running.get().bootstrapServers())), mode, externalBootstrap, running);
    }

    /** Reads what runs now and what is saved for the next start. */
    public void load() {
        work.submit("read the cluster in use", () -> {
            ClusterInUse now = backend.running();
            return new State(now, store.find().orElse(now), backend.securedSandbox().orElse(null),
                    backend.sandboxSchemaRegistry().orElse(""));
        }, state -> {
            running.set(state.running());
            saved.set(state.saved());
            mode.set(state.saved().mode());
            externalBootstrap.set(state.saved().bootstrapServers());
            showSecured(state.secured());
            schemaRegistry.set(state.schemaRegistry().isEmpty() ? "" : "Schema registry (Confluent-compatible): "
                    + state.schemaRegistry() + ". Name it as a trigger's SchemaRegistryURI; the producer registers "
                    + "schemas in it.");
            showNote();
        }, errorMessage::set);
    }

    private record State(ClusterInUse running, ClusterInUse saved, ClustersBackend.SecuredSandboxInfo secured,
                         String schemaRegistry) {
    }

    private void showSecured(ClustersBackend.SecuredSandboxInfo info) {
        secured.set(info != null);
        securedClusterArn.set(info == null ? "" : info.clusterArn());
        saslScramBrokers.set(info == null ? "" : info.saslScram());
        tlsBrokers.set(info == null ? "" : info.tls());
        caFile.set(info == null ? "" : info.caFile());
        caSecretArn.set(info == null ? "" : info.caSecretArn());
    }

    /**
     * Creates a SCRAM-SHA-512 user on the running secured sandbox and stores it as a secret of the same name, so a
     * trigger can name it for SASL_SCRAM_512_AUTH.
     */
    public void createScramUser() {
        scramMessage.set("");
        scramError.set("");
        String user = scramUser.get().strip();
        String password = scramPassword.get();
        if (user.isEmpty() || password.isEmpty()) {
            scramError.set("Give a user name (e.g. alice) and a password for the SCRAM user");
            return;
        }
        work.submit("create the SCRAM user", () -> backend.createSandboxScramUser(user, password), arn -> {
            scramPassword.set("");
            scramMessage.set("SCRAM user " + user + " created on the sandbox and stored as secret " + arn + ". Name "
                    + "it for SASL_SCRAM_512_AUTH in a trigger, then grant the user Lambda's ACLs: triggerlab sandbox "
                    + "acl grant-esm --user " + user + " --topic <topic> --group <trigger UUID>");
        }, scramError::set);
    }

    /** Saves the choice for the next start; false (with the reason in {@link #errorMessageProperty()}) if invalid. */
    public boolean save() {
        errorMessage.set("");
        ClusterInUse choice;
        try {
            choice = new ClusterInUse(mode.get(), externalBootstrap.get());
            store.save(choice);
        } catch (RuntimeException e) {
            errorMessage.set(e.getMessage());
            return false;
        }
        saved.set(choice);
        showNote();
        return true;
    }

    /** Saves the choice and restarts the engine with it. */
    public void saveAndRestart() {
        if (save()) {
            restartEngine.run();
        }
    }

    private void showNote() {
        note.set(restartNeeded.get()
                ? "Saved: " + saved.get().shortLabel() + " is used from the next engine start. Restart the engine to "
                + "apply it now (triggers stop and resume)."
                : "The engine runs with " + running.get().shortLabel()
                + (running.get().bootstrapServers().isEmpty() ? "" : " at " + running.get().bootstrapServers()) + ".");
    }

    public ObjectProperty<ClusterInUse.Mode> modeProperty() {
        return mode;
    }

    /** For {@link ClusterInUse.Mode#EXTERNAL}: {@code host:port[,host:port…]}. */
    public StringProperty externalBootstrapProperty() {
        return externalBootstrap;
    }

    public ReadOnlyObjectProperty<ClusterInUse> runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ClusterInUse> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    /** True when the saved choice differs from what the engine runs. */
    /** True when the form names another cluster than the running engine's: restarting would change something. */
    public BooleanBinding choiceDiffersProperty() {
        return choiceDiffers;
    }

    public BooleanBinding restartNeededProperty() {
        return restartNeeded;
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** What runs now, or that a saved choice waits for a restart. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** True while the engine runs a secured sandbox. */
    public ReadOnlyBooleanProperty securedProperty() {
        return secured.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty securedClusterArnProperty() {
        return securedClusterArn.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty saslScramBrokersProperty() {
        return saslScramBrokers.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tlsBrokersProperty() {
        return tlsBrokers.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty caFileProperty() {
        return caFile.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty caSecretArnProperty() {
        return caSecretArn.getReadOnlyProperty();
    }

    public StringProperty scramUserProperty() {
        return scramUser;
    }

    public StringProperty scramPasswordProperty() {
        return scramPassword;
    }

    /** What the last SCRAM user creation did, or empty. */
    public ReadOnlyStringProperty scramMessageProperty() {
        return scramMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scramErrorProperty() {
        return scramError.getReadOnlyProperty();
    }

    /** How to create a SCRAM user and its secret for the secured sandbox. */
    public String scramHowTo() {
        return SCRAM_HOWTO;
    }

    /** The sandbox's schema registry URL and what it is for; "" when the engine runs no sandbox. */
    public ReadOnlyStringProperty schemaRegistryProperty() {
        return schemaRegistry.getReadOnlyProperty();
    }
}
