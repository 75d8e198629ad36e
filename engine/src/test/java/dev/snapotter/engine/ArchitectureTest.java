package dev.snapotter.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ResourceBundle;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine is the innermost module: server, CLI and desktop depend on it, never the other way,
 * and it stays free of UI, HTTP and Docker so it can run anywhere (docs/adr/0001-build-and-modules.md).
 * Only production classes are checked; tests may print what they like.
 */
class ArchitectureTest {

    private static JavaClasses engine;

    /**
     * ArchUnit's DO_NOT_INCLUDE_TESTS only knows {@code target/test-classes}; local builds use
     * {@code -Dsnapotter.build.dir=target-NAME}, so match any Maven test-classes folder.
     */
    static final ImportOption PRODUCTION_CODE_ONLY = location -> !location.contains("/test-classes/");

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter()
                .withImportOption(PRODUCTION_CODE_ONLY)
                .importPackages("dev.snapotter.engine");
    }

    @Test
    void theImportFoundTheEngine() {
        // Guards against a rule passing vacuously because nothing was imported.
        assertThat(engine.contain(ImageEngine.class)).isTrue();
        assertThat(engine.size()).isGreaterThan(20);
    }

    @Test
    void engineUsesNoUiHttpOrDocker() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.snapotter.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..",
                        "com.github.dockerjava..",
                        "io.javalin..",
                        "org.eclipse.jetty..",
                        "jakarta.servlet..",
                        "javax.servlet..")
                .because("the engine must run in the server, the CLI and the desktop alike");
        rule.check(engine);
    }

    @Test
    void engineDependsOnNoOtherSnapOtterModule() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.snapotter.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.snapotter.server..",
                        "dev.snapotter.desktop..",
                        "dev.snapotter.control..",
                        "dev.snapotter.cli..")
                .because("dependencies point inward: server, cli, desktop -> engine");
        rule.check(engine);
    }

    @Test
    void engineNeverWritesToStandardStreams() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
                .because("the engine logs through SLF4J; stdout belongs to the CLI's output")
                .check(engine);
    }

    @Test
    void engineLogsThroughSlf4jOnly() {
        // GeneralCodingRules' JUL rule only looks at logger fields; this one also catches calls.
        ArchRule rule = noClasses()
                .should().dependOnClassesThat().resideInAnyPackage(
                        "java.util.logging..",
                        "org.apache.log4j..",
                        "org.apache.logging.log4j..",
                        "org.apache.commons.logging..",
                        "ch.qos.logback..")
                .orShould().dependOnClassesThat().belongToAnyOf(System.Logger.class, System.LoggerFinder.class)
                .orShould().callMethod(System.class, "getLogger", String.class)
                .orShould().callMethod(System.class, "getLogger", String.class, ResourceBundle.class)
                .because("SLF4J is the one logging API; the application chooses the backend");
        rule.check(engine);
    }
}
