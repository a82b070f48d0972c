package io.triggerlab.console;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.triggerlab.console.wiring.ConsoleComposition;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ConsoleArchitectureTest {

    private final JavaClasses console = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.triggerlab.console");

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
