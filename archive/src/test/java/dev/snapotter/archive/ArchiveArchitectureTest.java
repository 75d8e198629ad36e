package dev.snapotter.archive;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The archive module is a leaf: backups and bundles depend on it, it depends on nothing of ours. */
class ArchiveArchitectureTest {

    @Test
    void dependsOnNothingOfOurs() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.snapotter.engine..", "dev.snapotter.server..",
                        "dev.snapotter.control..", "dev.snapotter.desktop..", "dev.snapotter.cli..", "dev.snapotter.ai..",
                        "dev.snapotter.backup..", "dev.snapotter.bundles..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.snapotter.archive"));
    }
}
