package io.triggerlab.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class EngineArchitectureTest {

    private final JavaClasses engine = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.triggerlab.engine");

    @Test
    void engineNeverTouchesJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("the engine is headless and usable as a library")
                .check(engine);
    }

    @Test
    void engineNeverDependsOnTheConsole() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.triggerlab.console..")
                .because("the boundary is one-way: app -> engine")
                .check(engine);
    }
}
