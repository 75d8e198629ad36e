package dev.snapotter.backup;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BackupLayoutTest {

    @Test
    void whatGoesIn() {
        for (String in : new String[] {"uploads", "initial-admin-password", "branding", "settings.json"}) {
            assertThat(BackupLayout.includeTopLevel(in, false)).as(in).isTrue();
        }
        for (String out : new String[] {"snapotter.db", "snapotter.db-wal", "snapotter.db-shm", "snapotter.db-journal", "venv", "cache",
                ".cache", "tmp", "lost+found", ".restore-staging", ".restore-previous-20261125-120000", ".restore-journal.json",
                "..restore-journal.json.1a2b3c4d.partial", ".backup-tmp-x", "half.tar.gz.partial"}) {
            assertThat(BackupLayout.includeTopLevel(out, true)).as(out).isFalse();
        }
        assertThat(BackupLayout.includeTopLevel("ai", false)).isFalse();
        assertThat(BackupLayout.includeTopLevel("ai", true)).isTrue();
    }

    @Test
    void symlinksAndBundleWorkFoldersAreNotFollowed(@org.junit.jupiter.api.io.TempDir Path data) throws Exception {
        Files.createDirectories(data.resolve("uploads"));
        Files.writeString(data.resolve("uploads/a.txt"), "a");
        Files.createSymbolicLink(data.resolve("uploads/passwd"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(data.resolve("linked-dir"), Path.of("/etc"));
        Files.createDirectories(data.resolve("ai/.downloads"));
        Files.writeString(data.resolve("ai/.downloads/part.tmp"), "x");
        Files.writeString(data.resolve("ai/model.onnx"), "m");
        assertThat(DataDirScanner.filesToBackUp(data, true)).extracting(p -> DataDirScanner.archivePath(data, p))
                .containsExactly("ai/model.onnx", "uploads/a.txt");
    }
}
