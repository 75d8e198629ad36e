package dev.snapotter.backup;

import dev.snapotter.server.support.Api;
import dev.snapotter.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A restore killed half way through the swap (power cut, helper container killed) must not leave the server
 * starting on a mix of old and new files: the server rolls the journal back before it opens the database.
 * Lives in the backup package to reach {@link DataDirRestorer}'s crash hook.
 */
class ServerRecoversInterruptedRestoreTest {

    @TempDir
    Path tmp;

    private static final class PowerCut extends Error {
        PowerCut(String step) {
            super("simulated crash after " + step);
        }
    }

    @AfterEach
    void clearHook() {
        DataDirRestorer.hook = step -> { };
    }

    @Test
    void theServerRollsBackAHalfSwappedDataFolderBeforeOpeningTheDatabase() throws Exception {
        try (TestServer t = TestServer.start(Map.of())) {
            Api admin = t.admin();
            admin.postJson("/api/auth/users", Map.of("username", "from-backup", "password", "Backup1Password", "role", "user")).expect(201);
            int schema = admin.get("/api/v1/admin/backup/schema").expect(200).json().get("schemaVersion").asInt();
            Path archive = tmp.resolve("b.tar.gz");
            Files.write(archive, admin.postJson("/api/v1/admin/backup", Map.of()).expect(200).bytes());
            admin.postJson("/api/auth/users", Map.of("username", "current-only", "password", "Current1Password", "role", "user")).expect(201);
            t.stop();

            DataDirRestorer.hook = step -> {
                if (step.equals("move-in snapotter.db")) throw new PowerCut(step); // an Error: restore() rolls back Exceptions itself, a crash gets no such chance
            };
            assertThatThrownBy(() -> DataDirRestorer.restore(archive, null, t.dataDir(), schema)).hasMessageContaining("simulated crash");
            DataDirRestorer.hook = step -> { };
            assertThat(DataDirRestorer.pending(t.dataDir())).isPresent();

            t.restart();

            assertThat(DataDirRestorer.pending(t.dataDir())).isEmpty();
            assertThat(t.admin().get("/api/auth/users").expect(200).body()).contains("from-backup", "current-only");
        }
    }
}
