package dev.snapotter.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ResourceBundle;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The CLI sits on the engine only (docs/adr/0001-build-and-modules.md) and writes through picocli's writers. */
class CliArchitectureTest {

    private static JavaClasses cli;

    /**
     * ArchUnit's DO_NOT_INCLUDE_TESTS only knows {@code target/test-classes}; local builds use
     * {@code -Dsnapotter.build.dir=target-NAME}, so match any Maven test-classes folder.
     */
    static final ImportOption PRODUCTION_CODE_ONLY = location -> !location.contains("/test-classes/");

    @BeforeAll
    static void importCli() {
        cli = new ClassFileImporter()
                .withImportOption(PRODUCTION_CODE_ONLY)
                .importPackages("dev.snapotter.cli");
    }

    @Test
    void theImportFoundTheCli() {
        assertThat(cli.contain(Main.class)).isTrue();
        assertThat(cli.size()).isGreaterThan(10);
    }

    @Test
    void cliDoesNotReachIntoServerDesktopOrUi() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.snapotter.cli..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.snapotter.server..",
                        "dev.snapotter.desktop..",
                        "javafx..",
                        "io.javalin..",
                        "org.eclipse.jetty..")
                .because("the CLI is a thin launcher over the engine; the desktop depends on it, not the reverse");
        rule.check(cli);
    }

    @Test
    void onlyTheBackupCommandsTalkToDocker() {
        // backup/restore of a headless server use the control library (issue 7); image commands stay engine-only.
        ArchRule rule = noClasses().that().resideInAPackage("dev.snapotter.cli..")
                .and().resideOutsideOfPackage("dev.snapotter.cli.backup..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.snapotter.control..", "com.github.dockerjava..",
                        "dev.snapotter.backup..")
                .because("only snapotter backup/restore/verify-backup need the container and the archive format");
        rule.check(cli);
    }

    @Test
    void onlyMainTouchesTheStandardStreams() {
        // Everything else prints to picocli's writers, which is what lets tests capture the output.
        ArchRule rule = noClasses().that().resideInAPackage("dev.snapotter.cli..").and().doNotHaveFullyQualifiedName(Main.class.getName())
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace");
        rule.check(cli);
    }

    @Test
    void logsThroughSlf4j() {
        // Logback is allowed here: the CLI configures it (-v). Other logging APIs are not.
        ArchRule rule = noClasses()
                .should().dependOnClassesThat().resideInAnyPackage(
                        "java.util.logging..",
                        "org.apache.log4j..",
                        "org.apache.logging.log4j..",
                        "org.apache.commons.logging..")
                .orShould().dependOnClassesThat().belongToAnyOf(System.Logger.class, System.LoggerFinder.class)
                .orShould().callMethod(System.class, "getLogger", String.class)
                .orShould().callMethod(System.class, "getLogger", String.class, ResourceBundle.class);
        rule.check(cli);
    }
}
