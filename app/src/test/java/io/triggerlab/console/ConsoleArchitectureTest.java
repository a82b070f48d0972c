package io.triggerlab.console;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.triggerlab.console.wiring.ConsoleComposition;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ConsoleArchitectureTest {

    private final JavaClasses console = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.triggerlab.console");

    /** The console and the engine's classes, so the rule below can tell the engine's records from its services. */
    private final JavaClasses consoleAndEngine = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.triggerlab.console", "io.triggerlab.engine");

    /**
     * Engine classes the console may name although they are neither records nor in the client's packages, each with
     * why: small, stateless rule holders whose messages and limits the console shows as the engine would.
     */
    private static final Map<String, String> ALLOWED_ENGINE_CLASSES = Map.of(
            "io.triggerlab.engine.infra.secrets.SecretValue",
            "a secret's value: a class rather than a record only so its toString never prints the secret",
            "io.triggerlab.engine.controlplane.mapping.MappingValidator",
            "the API's own request validation (EngineClient.validator()), so the wizard shows the API's messages",
            "io.triggerlab.engine.infra.secrets.SecretShapes",
            "the vault's ARN and size rules, static, so the secret editor refuses what the vault would",
            "io.triggerlab.engine.runtime.replay.ReplayBatchIds",
            "how a replay's batch id names the batch it replays, static, so the table can group a replay with it");

    /** Where the console starts and stops the engine, and the launcher's --self-test and --version. */
    private static final DescribedPredicate<JavaClass> COMPOSITION_ROOT = DescribedPredicate.describe(
            "the composition root", c -> c.getName().startsWith(ConsoleComposition.class.getName())
                    || c.getName().startsWith("io.triggerlab.console.ConsoleApp")
                    || c.getName().startsWith("io.triggerlab.console.Launcher")
                    || c.getName().startsWith("io.triggerlab.console.LaunchOptions"));

    /** An engine class outside the client's API: a service, not data the client hands out or takes. */
    private static final DescribedPredicate<JavaClass> ENGINE_INTERNALS = DescribedPredicate.describe(
            "engine classes other than the client, its read models (the engine's records and enums), events and "
                    + "exceptions", ConsoleArchitectureTest::isEngineInternal);

    private static boolean isEngineInternal(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith("io.triggerlab.engine")) {
            return false;
        }
        return !(pkg.startsWith("io.triggerlab.engine.client") || pkg.startsWith("io.triggerlab.engine.observe.events")
                || isData(c) || isBuilderOfData(c) || isThrowable(c) || ALLOWED_ENGINE_CLASSES.containsKey(c.getName()));
    }

    /** A record's builder (the create and update requests'): part of the command argument it builds. */
    private static boolean isBuilderOfData(JavaClass c) {
        return c.getEnclosingClass().map(ConsoleArchitectureTest::isData).orElse(false);
    }

    /** The client's errors (the API's exceptions): the console catches them to show their message. */
    private static boolean isThrowable(JavaClass c) {
        return c.getAllRawSuperclasses().stream().anyMatch(s -> s.getName().equals(Throwable.class.getName())
                || s.getName().equals(RuntimeException.class.getName()) || s.getName().equals(Exception.class.getName()));
    }

    /** Records and enums, and interfaces (FunctionTarget, OffsetReset) whose every implementation is one. */
    private static boolean isData(JavaClass c) {
        if (c.isRecord() || c.isEnum()) {
            return true;
        }
        return c.isInterface() && !c.getAllSubclasses().isEmpty()
                && c.getAllSubclasses().stream().allMatch(s -> s.isRecord() || s.isEnum() || s.isInterface());
    }

    @Test
    void consoleUsesTheEngineOnlyThroughItsClient() {
        noClasses().that().resideInAPackage("io.triggerlab.console..").and(DescribedPredicate.not(COMPOSITION_ROOT))
                .should().dependOnClassesThat(ENGINE_INTERNALS)
                .because("the console commands and reads the engine through EngineClient (issue 18.1): it holds the "
                        + "engine's records and events, never its services; only the composition root starts the engine")
                .check(consoleAndEngine);
    }

    @Test
    void consoleHoldsNoKafkaOrDatabaseCode() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka..", "java.sql..", "javax.sql..", "org.h2..", "org.flywaydb..")
                .because("the console only observes and commands the engine; Kafka and JDBC live in the engine")
                .check(console);
    }

    @Test
    void viewModelsKnowNoNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..")
                .because("ViewModels hold properties and commands and are tested without the FX toolkit; views bind")
                .check(console);
    }

    @Test
    void launcherNeverTouchesJavaFx() {
        noClasses().that().haveSimpleName("Launcher").or().haveSimpleName("LaunchOptions")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("--version and --help must work on a machine without a display")
                .check(console);
    }

    @Test
    void onlyTheApplicationUsesTheCompositionRoot() {
        noClasses().that().doNotHaveSimpleName("ConsoleApp").and().doNotBelongToAnyOf(ConsoleComposition.class)
                .should().dependOnClassesThat().belongToAnyOf(ConsoleComposition.class)
                .because("screens get their collaborators injected; the composition root is not a service locator")
                .check(console);
    }

    @Test
    void noStaticMutableState() {
        fields().that().areStatic().should().beFinal()
                .because("state lives in instances built by the composition root, never in statics")
                .check(console);
    }
}
