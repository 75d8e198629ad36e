package dev.snapotter.desktop;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

/** The desktop's boundaries: never the server's internals, no System.out/err, SLF4J only. */
class ArchitectureTest {

    private static final JavaClasses DESKTOP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.snapotter.desktop");

    @Test
    void desktopNeverImportsTheServer() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.snapotter.server..").check(DESKTOP);
    }

    @Test
    void noStandardStreams() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(DESKTOP);
    }

    @Test
    void slf4jForLogging() {
        NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(DESKTOP);
    }

    @Test
    void viewModelsDoNotTouchTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("ViewModels are unit-tested without a toolkit")
                .check(DESKTOP);
    }
}
