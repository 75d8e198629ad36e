package dev.snapotter.backup;

import dev.snapotter.backup.BackupRejectedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupRoundTripTest {

    @TempDir
    Path tmp;

    @Test
    void writeVerifyRestoreGivesBackTheSameDataWhileTheDatabaseIsOpen() throws Exception {
        Path source = TestData.dataDir(tmp.resolve("source"), 500, 3, 1);
        Path archive = tmp.resolve("backup.tar.gz");
        try (Connection live = TestData.open(source.resolve(BackupLayout.DATABASE))) {
            // An open writer with un-checkpointed WAL content: the snapshot must include it without copying the WAL.
            TestData.insertRows(live, 7, 99);
            assertThat(source.resolve("snapotter.db-wal")).exists();
            BackupFiles.writeAtomically(archive, out -> BackupWriter.write(source, BackupOptions.plain(), out, TestData.VERSION,
                    source.resolve(".backup-tmp-x"), KdfParams.FAST_FOR_TESTS));
        }
        assertThat(source.resolve(".backup-tmp-x")).doesNotExist();

        BackupSummary summary = BackupVerifier.verify(archive, null, 3);
        BackupManifest m = summary.manifest();
        assertThat(m.formatVersion()).isEqualTo(1);
        assertThat(m.schemaVersion()).isEqualTo(3);
        assertThat(m.appVersion()).isEqualTo(TestData.VERSION);
        assertThat(m.includesModels()).isFalse();
        assertThat(m.tableRowCounts()).containsEntry("users", 507L).containsEntry("audit_log", 507L).containsEntry("flyway_schema_history", 3L);
        assertThat(m.files()).extracting(BackupFileEntry::path)
                .containsExactly("snapotter.db", "initial-admin-password", "uploads/2026/photo.jpg", "uploads/notes.txt");
        assertThat(summary.fileCount()).isEqualTo(4);
        assertThat(summary.totalBytes()).isEqualTo(m.totalBytes());

        Path target = TestData.dataDir(tmp.resolve("target"), 20, 3, 2);
        Map<String, String> before = TestData.tree(target);
        RestoreReport report = DataDirRestorer.restore(archive, null, target);
        assertThat(report.tableRowCounts()).isEqualTo(m.tableRowCounts());
        assertThat(TestData.count(target.resolve(BackupLayout.DATABASE), "users")).isEqualTo(507);
        Map<String, String> restored = TestData.tree(target);
        Map<String, String> original = TestData.tree(source);
        for (String path : new String[] {"initial-admin-password", "uploads/2026/photo.jpg", "uploads/notes.txt"}) {
            assertThat(restored.get(path)).as(path).isEqualTo(original.get(path));
        }
        // Models and caches were not in the backup: the installed ones stay in place (a restore must not uninstall them).
        assertThat(restored.get("ai/background-removal/model.onnx")).isEqualTo(before.get("ai/background-removal/model.onnx"));
        assertThat(restored.get("venv/lib/cache.bin")).isEqualTo(before.get("venv/lib/cache.bin"));
        assertThat(report.previousDir().resolve("ai")).doesNotExist();
        assertThat(report.previousDir().resolve("snapotter.db")).exists();
        assertThat(DataDirRestorer.pending(target)).get().extracting(RestoreJournal::phase).isEqualTo(RestoreJournal.Phase.SWAPPED);

        DataDirRestorer.rollback(target);
        assertThat(TestData.tree(target)).isEqualTo(before);

        DataDirRestorer.restore(archive, null, target);
        DataDirRestorer.commit(target);
        assertThat(DataDirRestorer.pending(target)).isEmpty();
        try (var children = Files.list(target)) {
            assertThat(children.map(p -> p.getFileName().toString())).noneMatch(BackupLayout::isReserved);
        }
    }

    @Test
    void modelsGoInOnlyWhenAskedAndCachesNever() throws Exception {
        Path source = TestData.dataDir(tmp.resolve("source"), 5, 1, 3);
        Path archive = tmp.resolve("with-models.tar.gz");
        Files.write(archive, TestData.backup(source, new BackupOptions(true, null)));
        BackupManifest m = BackupVerifier.verify(archive, null, 1).manifest();
        assertThat(m.includesModels()).isTrue();
        assertThat(m.files()).extracting(BackupFileEntry::path).contains("ai/background-removal/model.onnx").noneMatch(p -> p.startsWith("venv"));
    }

    @Test
    void encryptedBackupRoundTripsAndRefusesWrongOrMissingPassphrase() throws Exception {
        Path source = TestData.dataDir(tmp.resolve("source"), 50, 2, 4);
        Path archive = tmp.resolve("enc.tar.gz.enc");
        Files.write(archive, TestData.backup(source, new BackupOptions(false, "correct horse".toCharArray())));
        assertThat(BackupVerifier.isEncrypted(archive)).isTrue();
        assertThat(new String(Files.readAllBytes(archive), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("snapotter.db").doesNotContain("manifest");

        assertThat(BackupVerifier.verify(archive, "correct horse".toCharArray(), 2).fileCount()).isEqualTo(4);
        assertThatThrownBy(() -> BackupVerifier.verify(archive, "Correct horse".toCharArray(), 2))
                .isInstanceOfSatisfying(BackupRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSPHRASE))
                .hasMessageContaining("passphrase does not open");
        assertThatThrownBy(() -> BackupVerifier.verify(archive, null, 2))
                .isInstanceOfSatisfying(BackupRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PASSPHRASE_REQUIRED));

        Path target = TestData.dataDir(tmp.resolve("target"), 3, 2, 5);
        Map<String, String> before = TestData.tree(target);
        assertThatThrownBy(() -> DataDirRestorer.restore(archive, "wrong".toCharArray(), target))
                .isInstanceOfSatisfying(BackupRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSPHRASE));
        assertThat(TestData.tree(target)).isEqualTo(before);
        DataDirRestorer.restore(archive, "correct horse".toCharArray(), target);
        assertThat(TestData.count(target.resolve(BackupLayout.DATABASE), "users")).isEqualTo(50);
    }

    @Test
    void newerSchemaIsRefusedByVerifyAndRestore() throws Exception {
        Path source = TestData.dataDir(tmp.resolve("source"), 5, 9, 6);
        Path archive = tmp.resolve("newer.tar.gz");
        Files.write(archive, TestData.backup(source, BackupOptions.plain()));
        assertThatThrownBy(() -> BackupVerifier.verify(archive, null, 8))
                .isInstanceOfSatisfying(BackupRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NEWER_SCHEMA))
                .hasMessageContaining("schema 9").hasMessageContaining("Update SnapOtter");
        Path target = TestData.dataDir(tmp.resolve("target"), 3, 8, 7);
        Map<String, String> before = TestData.tree(target);
        assertThatThrownBy(() -> DataDirRestorer.restore(archive, null, target, 8))
                .isInstanceOfSatisfying(BackupRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NEWER_SCHEMA));
        assertThat(TestData.tree(target)).isEqualTo(before);
        assertThat(BackupVerifier.verify(archive, null, 9).manifest().schemaVersion()).isEqualTo(9);
    }

    @Test
    void readManifestGivesTheSummaryWithoutReadingTheRest() throws Exception {
        Path source = TestData.dataDir(tmp.resolve("source"), 5, 1, 8);
        Path archive = tmp.resolve("b.tar.gz");
        Files.write(archive, TestData.backup(source, BackupOptions.plain()));
        assertThat(BackupVerifier.readManifest(archive, null).files()).hasSize(4);
    }
}
