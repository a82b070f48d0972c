package io.triggerlab.engine;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The engine's shape (issue 18.6): packages without cycles, and the layers a record passes through, from the clients
 * down to the infrastructure. engine/README.md draws the same map.
 */
class EngineLayersTest {

    private static final String ENGINE = "io.triggerlab.engine";
    private static final String MAPPING = ENGINE + ".controlplane.mapping";

    /**
     * The classes of controlplane.mapping that are services on top of it (the mappings, their tags); the rest of the
     * package is the mapping model (records, requests, validation rules, the API's exceptions, and the ports the
     * runtime implements: MappingLifecycle, MappingStatus) that every layer speaks.
     */
    private static final Set<String> MAPPING_SERVICES = Set.of(MAPPING + ".MappingService",
            MAPPING + ".ResourceTagging");

    private final JavaClasses engine = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ENGINE);

    /** The ESM model: what a mapping is, how a request is checked, the API's errors. Every layer may name it. */
    private static final DescribedPredicate<JavaClass> MAPPING_MODEL = DescribedPredicate.describe(
            "the mapping model (controlplane.mapping without its service)",
            c -> c.getPackageName().equals(MAPPING) && !MAPPING_SERVICES.contains(topLevel(c).getName()));

    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    /** Records, enums and exceptions: data a store reads and writes, never a service it could call. */
    private static final DescribedPredicate<JavaClass> DATA = DescribedPredicate.describe("records, enums, exceptions",
            c -> c.isRecord() || c.isEnum() || topLevel(c).isRecord() || topLevel(c).isEnum()
                    || c.getAllRawSuperclasses().stream().anyMatch(s -> s.getName().equals(Throwable.class.getName())));

    private static DescribedPredicate<JavaClass> named(String... simpleNames) {
        Set<String> names = Set.of(simpleNames);
        return DescribedPredicate.describe("named " + names, c -> names.contains(topLevel(c).getSimpleName()));
    }

    private static DescribedPredicate<JavaClass> in(String packagePrefix) {
        return DescribedPredicate.describe("in " + packagePrefix, c -> c.getPackageName().equals(packagePrefix)
                || c.getPackageName().startsWith(packagePrefix + "."));
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(ENGINE + ".(**)")
                .should().beFreeOfCycles()
                // controlplane.mapping holds both the model every layer speaks and MappingService on top: a layer
                // below naming the model is not a cycle of responsibilities. Splitting the package in two (issue 18.4,
                // the mapping model declared once) turns this into plain packages.
                .ignoreDependency(DescribedPredicate.alwaysTrue(), MAPPING_MODEL)
                // infra.store holds every JDBC store (issue 18.2: one place for them); a store knows the records it
                // stores, and the service that owns them names its store. Records only: no store calls a service.
                .ignoreDependency(in(ENGINE + ".infra.store"), DATA)
                .because("a cycle between packages means neither can be understood or changed alone")
                .check(engine);
    }

    /**
     * Clients → control plane → runtime → observe → invoke → infrastructure, with the mapping model beside them all.
     * Observe sits above invoke: it records and counts what an invocation returned, and invoke knows nothing of it.
     */
    @Test
    void layersFollowThePathOfARecord() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Clients").definedBy(ENGINE + ".cli..", ENGINE + ".client..", ENGINE + ".selftest..")
                .layer("Control plane").definedBy(DescribedPredicate.describe("controlplane without the mapping model",
                        c -> in(ENGINE + ".controlplane").test(c) && !MAPPING_MODEL.test(c)))
                .layer("Runtime").definedBy(ENGINE + ".runtime..")
                .layer("Observe").definedBy(ENGINE + ".observe..")
                .layer("Invoke").definedBy(ENGINE + ".invoke..")
                .layer("Infrastructure").definedBy(ENGINE + ".infra..")
                .layer("Mapping model").definedBy(MAPPING_MODEL)

                .whereLayer("Clients").mayNotBeAccessedByAnyLayer()
                .whereLayer("Control plane").mayOnlyBeAccessedByLayers("Clients")
                .whereLayer("Runtime").mayOnlyBeAccessedByLayers("Clients", "Control plane")
                .whereLayer("Observe").mayOnlyBeAccessedByLayers("Clients", "Control plane", "Runtime")
                .whereLayer("Invoke").mayOnlyBeAccessedByLayers("Clients", "Control plane", "Runtime", "Observe")
                .whereLayer("Infrastructure").mayOnlyBeAccessedByLayers("Clients", "Control plane", "Runtime",
                        "Observe", "Invoke", "Mapping model")
                .whereLayer("Mapping model").mayOnlyBeAccessedByLayers("Clients", "Control plane", "Runtime",
                        "Observe", "Invoke", "Infrastructure")

                // Exceptions, each with its reason:
                // 1. The replayer (a command of the console and the API, run by the runtime's invokers) reads the
                //    mapping it replays from MappingService. The supervisor reports State and LastProcessingResult
                //    through MappingStatus, part of the model, since issue 18.3.
                .ignoreDependency(named("Replayer"), named("MappingService"))
                // 2. Validation parses function names and filter patterns with the parsers the runtime and the
                //    invokers use, so a request is refused for exactly what would fail once it runs.
                .ignoreDependency(MAPPING_MODEL, named("FunctionReference", "FilterPattern",
                        "InvalidFilterPatternException"))
                // 3. infra.store holds every JDBC store, and a store reads and writes the records of the layer that
                //    owns them (metrics, history); it calls none of that layer's services.
                .ignoreDependency(in(ENGINE + ".infra.store"), DATA)
                .because("a record enters at the control plane, is polled and batched by the runtime, observed, "
                        + "invoked, and everything stands on the infrastructure; nothing calls back up")
                .check(engine);
    }
}
