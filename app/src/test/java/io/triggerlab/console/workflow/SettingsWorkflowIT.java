package io.triggerlab.console.workflow;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.triggerlab.console.settings.ClusterInUse;
import io.triggerlab.console.settings.ClusterInUseStore;
import io.triggerlab.engine.Engine;
import io.triggerlab.engine.controlplane.mapping.EventSourceMapping;
import io.triggerlab.engine.infra.auth.KafkaAcls;
import io.triggerlab.engine.infra.cluster.KafkaCluster;
import io.triggerlab.engine.infra.cluster.TestRecord;
import io.triggerlab.engine.infra.secrets.AwsSettingsFile;
import io.triggerlab.engine.infra.secrets.SecretMetadata;
import io.triggerlab.engine.observe.history.HistoryQuery;
import io.triggerlab.engine.observe.history.InvocationSummary;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Settings end to end, headless under Monocle, over a real engine: a secret created through the form lands in the
 * engine's vault (its value in no log line), a cluster registered by bootstrap servers lands in the registry, the
 * Secrets Manager settings land in aws.properties, and choosing the secured sandbox restarts the engine with it.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsWorkflowIT {

    private static final String PASSWORD = "pw-Zq81-never-logged";

    @TempDir
    Path dataDir;

    private Stage stage;
    private ConsoleDriver console;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void close() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        if (console != null) {
            console.close();
        }
    }

    @Test
    void createsASecretAndAClusterThroughSettings_thenRestartsTheEngineOnTheSecuredSandbox(FxRobot robot) throws Exception {
        console = new ConsoleDriver(robot, stage).open(dataDir);
        Engine first = console.engine();
        openSettings(robot, "#settings-tab-secrets");

        // A secret without its password is refused inline with the engine's words; the password field is marked.
        robot.clickOn("#secret-add");
        await().until(() -> console.windowOpen("secret-editor"));
        console.setText("#secret-name", "alice");
        console.setText("#secret-username", "alice");
        robot.clickOn("#secret-save");
        assertThat(console.text("#secret-error")).isEqualTo("Secret arn:aws:secretsmanager:us-east-1:000000000000:"
                + "secret:alice: field \"password\" is empty");
        assertThat(robot.lookup("#secret-password").query().getPseudoClassStates().toString()).contains("invalid");

        console.setText("#secret-password", PASSWORD);
        assertThat(robot.lookup("#secret-password").query().isVisible()).as("masked").isTrue();
        assertThat(robot.lookup("#secret-password-clear").query().isVisible()).isFalse();
        robot.clickOn("#secret-show");
        assertThat(console.text("#secret-password-clear")).isEqualTo(PASSWORD);
        robot.clickOn("#secret-save");
        await().until(() -> !console.windowOpen("secret-editor"));

        String arn = "arn:aws:secretsmanager:us-east-1:000000000000:secret:alice";
        assertThat(first.vault().list()).extracting(SecretMetadata::arn).contains(arn);
        assertThat(first.vault().secretValue(arn).json()).isEqualTo("{\"username\":\"alice\",\"password\":\"" + PASSWORD + "\"}");
        await().until(() -> console.rows("#secrets-table") == 1);

        // Secrets Manager settings go to aws.properties, for the next engine start.
        robot.clickOn("#secretsmanager-enabled");
        console.setText("#secretsmanager-profile", "dev-sso");
        robot.clickOn("#secretsmanager-save");
        await().until(() -> !console.text("#secretsmanager-message").isEmpty());
        AwsSettingsFile aws = AwsSettingsFile.load(dataDir.resolve(AwsSettingsFile.NAME), "us-east-1");
        assertThat(aws.secretsManagerEnabled()).isTrue();
        assertThat(aws.profile()).isEqualTo("dev-sso");

        // A self-managed cluster registered by bootstrap servers; the sandbox is listed first.
        robot.clickOn("#settings-tab-clusters");
        await().until(() -> console.rows("#clusters-table") == 1);
        console.setText("#cluster-new-name", "orders-kafka");
        console.setText("#cluster-new-bootstrap", "kafka-1:9092");
        robot.clickOn("#cluster-register");
        await().until(() -> console.rows("#clusters-table") == 2);
        assertThat(first.clusters().list()).extracting(KafkaCluster::clusterName)
                .containsExactlyInAnyOrder("orders-kafka", "triggerlab-sandbox");

        // An MSK cluster imported by ARN from an MSK endpoint (a local stand-in answering GetBootstrapBrokers)...
        String mskArn = "arn:aws:kafka:eu-west-1:123456789012:cluster/payments/0f1e2d3c-1";
        HttpServer msk = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        msk.createContext("/v1/clusters/", exchange -> {
            byte[] body = "{\"bootstrapBrokerStringSaslScram\":\"b-1.payments.kafka.eu-west-1.amazonaws.com:9096\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        msk.start();
        try {
            console.setText("#msk-arn", mskArn);
            console.setText("#msk-endpoint", "http://127.0.0.1:" + msk.getAddress().getPort());
            ScrollPane page = robot.lookup("#settings-clusters").queryAs(ScrollPane.class);
            robot.interact(() -> page.setVvalue(1.0));
            robot.clickOn("#msk-import");
            await().until(() -> !console.text("#msk-import-result").isEmpty());
        } finally {
            msk.stop(0);
        }
        assertThat(console.text("#msk-import-result"))
                .isEqualTo("Imported payments: SASL/SCRAM b-1.payments.kafka.eu-west-1.amazonaws.com:9096");
        assertThat(first.clusters().find(mskArn)).isPresent();
        await().until(() -> console.rows("#clusters-table") == 3);

        // ...and one MSK cannot be reached for: a clear error dialog, not a stack trace.
        console.setText("#msk-arn", mskArn);
        console.setText("#msk-endpoint", "http://127.0.0.1:" + msk.getAddress().getPort());
        robot.interact(() -> robot.lookup("#settings-clusters").queryAs(ScrollPane.class).setVvalue(1.0));
        robot.clickOn("#msk-import");
        await().until(() -> robot.lookup("The MSK cluster could not be imported").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-message").queryLabeled().getText())
                .startsWith("Cannot reach Amazon MSK at http://127.0.0.1:" + msk.getAddress().getPort() + " for " + mskArn);
        robot.clickOn("OK");
        robot.interact(() -> robot.lookup("#settings-clusters").queryAs(ScrollPane.class).setVvalue(0));

        // The secured sandbox, applied by restarting the engine from the console.
        robot.clickOn("#cluster-mode-secured-sandbox");
        robot.clickOn("#cluster-restart");
        robot.clickOn("Restart engine");
        await().atMost(ConsoleDriver.ENGINE_START).until(() -> console.engine() != first
                && "Running".equals(console.text("#engine-state")));
        assertThat(new ClusterInUseStore(dataDir).load()).isEqualTo(new ClusterInUse(ClusterInUse.Mode.SECURED_SANDBOX, ""));
        assertThat(console.engine().securedSandbox()).isPresent();
        assertThat(console.text("#cluster-name")).isEqualTo("Embedded sandbox, secured");
        assertThat(console.engine().vault().list()).extracting(SecretMetadata::arn).contains(arn);

        openSettings(robot, "#settings-tab-clusters");
        await().until(() -> !console.text("#secured-scram").isEmpty());
        assertThat(console.text("#secured-scram")).isEqualTo(console.engine().securedSandbox().get().bootstrapBrokers().saslScram());
        assertThat(console.text("#secured-ca-file")).isEqualTo(dataDir.resolve("sandbox-ca.pem").toString());

        // A SCRAM user on the secured sandbox and its secret, in one step.
        console.setText("#scram-user", "bob");
        console.setText("#scram-password", PASSWORD);
        robot.clickOn("#scram-create");
        await().until(() -> !console.text("#scram-message").isEmpty());
        assertThat(console.engine().vault().list()).extracting(SecretMetadata::arn)
                .contains("arn:aws:secretsmanager:us-east-1:000000000000:secret:bob");

        wizardCreatesAScramTriggerWithAFilter(robot);

        assertThat(logLines()).isNotEmpty().noneMatch(line -> line.contains(PASSWORD));
    }

    /** On the secured sandbox: SCRAM-512 with bob's secret and a filter, tried on the topic's records, moved by Enter. */
    private void wizardCreatesAScramTriggerWithAFilter(FxRobot robot) throws Exception {
        robot.interact(() -> console.window("settings-tabs").hide());
        String topic = "scram-orders";
        console.engine().topics().createTopic(topic, 1);
        // bob may read the topic with the consumer group the wizard names (the secured sandbox enforces ACLs).
        console.engine().securedSandbox().orElseThrow()
                .createAcls(KafkaAcls.requiredFor("User:bob", topic, "scram-readers"));
        console.engine().producer().send(topic, List.of(
                new TestRecord(0, null, "{\"status\":\"paid\"}".getBytes(StandardCharsets.UTF_8), List.of()),
                new TestRecord(0, null, "{\"status\":\"open\"}".getBytes(StandardCharsets.UTF_8), List.of())));
        robot.clickOn("#trigger-list");
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        await().until(() -> console.windowOpen("trigger-wizard"));
        await().until(() -> console.comboValue("#wizard-cluster") != null);
        robot.clickOn("#wizard-next");
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);
        await().until(() -> robot.lookup("#wizard-page-topic").query().isVisible());
        robot.clickOn("#wizard-topic").write(topic);
        robot.clickOn("#wizard-consumer-group").write("scram-readers");
        robot.type(KeyCode.ENTER);
        robot.clickOn("#wizard-position-trim-horizon");
        robot.type(KeyCode.ENTER);
        await().until(() -> robot.lookup("#wizard-page-authentication").query().isVisible());
        robot.interact(() -> robot.lookup("#wizard-auth").queryComboBox().getSelectionModel()
                .select(io.triggerlab.console.wizard.AuthMethod.SASL_SCRAM_512));
        robot.clickOn("#wizard-next");
        assertThat(console.text("#wizard-step-error-authentication")).startsWith("Choose the secret for SASL/SCRAM-512");
        String bob = "arn:aws:secretsmanager:us-east-1:000000000000:secret:bob";
        javafx.scene.control.ComboBox<String> secret = robot.lookup("#wizard-auth-secret").queryComboBox();
        robot.interact(() -> secret.setValue(bob));
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-register-function");
        await().until(() -> console.windowOpen("function-editor"));
        robot.clickOn("#function-name").write("scram-fn");
        robot.clickOn("#function-command").write("cat");
        robot.clickOn("#function-save");
        await().until(() -> !console.windowOpen("function-editor"));
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-section-filters");
        console.setText("#wizard-filters", "{\"value\":{\"status\":[\"paid\"]}}");
        robot.clickOn("#wizard-filter-test");
        await().until(() -> console.text("#wizard-filter-summary").startsWith("1 of the 2 newest records of " + topic));
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        assertThat(console.text("#wizard-review-json")).contains("\"Type\" : \"SASL_SCRAM_512_AUTH\"",
                "\"URI\" : \"" + bob + "\"", "FilterCriteria");
        robot.clickOn("#wizard-create");
        await().until(() -> !console.windowOpen("trigger-wizard"));

        EventSourceMapping created = console.engine().mappings().all().stream()
                .filter(m -> m.topic().equals(topic)).findFirst().orElseThrow();
        assertThat(created.sourceAccessConfigurations()).extracting(c -> c.type() + " " + c.uri())
                .containsExactly("SASL_SCRAM_512_AUTH " + bob);
        // Over SCRAM, only the record the filter lets through reaches the function.
        await().atMost(Duration.ofMinutes(1)).until(() -> console.engine().history().count(created.uuid()) >= 1);
        assertThat(console.engine().history().list(HistoryQuery.ofMapping(created.uuid(), 10)))
                .extracting(InvocationSummary::recordCount).containsOnly(1);
    }

    private void openSettings(FxRobot robot, String tab) {
        robot.clickOn("#trigger-list");
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        await().until(() -> console.windowOpen("settings-tabs"));
        robot.clickOn(tab);
    }

    private List<String> logLines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(logs.list)) {
            lines.add(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                lines.add(t.getMessage() == null ? "" : t.getMessage());
            }
        }
        return lines;
    }
}
