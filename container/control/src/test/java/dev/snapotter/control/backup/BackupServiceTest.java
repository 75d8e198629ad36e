package dev.snapotter.control.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snapotter.backup.BackupOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Route choice and atomicity of {@link BackupService} with a fake server and a fake helper. */
class BackupServiceTest {

    @TempDir
    Path dir;

    private final List<String> progress = new ArrayList<>();
    private ManagedServer.State state = ManagedServer.State.STOPPED;
    private HelperResult helperResult = new HelperResult(0, "done");
    private byte[] helperBytes = "archive".getBytes(StandardCharsets.UTF_8);

    private BackupService service() {
        return new BackupService(server(), Optional::empty, tool(),
                Clock.fixed(Instant.parse("2026-11-25T10:15:00Z"), ZoneOffset.UTC));
    }

    @Test
    void aStoppedServerIsBackedUpByTheHelper() throws Exception {
        Path out = dir.resolve("b.tar.gz");
        BackupResult r = service().backup(out, BackupOptions.plain(), progress::add);
        assertThat(r.route()).isEqualTo(BackupResult.Route.HELPER_CONTAINER);
        assertThat(Files.readString(out)).isEqualTo("archive");
        assertThat(r.bytes()).isEqualTo(7);
        assertThat(progress).anyMatch(p -> p.contains("stopped"));
    }

    @Test
    void aHelperThatFailsHalfwayLeavesNoFileThatLooksLikeABackup() throws IOException {
        helperResult = new HelperResult(137, "Killed");
        Path out = dir.resolve("b.tar.gz");
        assertThatThrownBy(() -> service().backup(out, BackupOptions.plain(), progress::add))
                .hasMessageContaining("Killed");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws IOException {
        Path out = Files.writeString(dir.resolve("b.tar.gz"), "precious");
        assertThatThrownBy(() -> service().backup(out, BackupOptions.plain(), progress::add))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        assertThat(Files.readString(out)).isEqualTo("precious");
    }

    @Test
    void safetyBackupsGetATimestampedNameInAPrivateFolder() throws Exception {
        Path file = service().safetyBackupInto(dir.resolve("safety")).take(progress::add);
        assertThat(file.getFileName().toString()).isEqualTo("snapotter-safety-20261125-101500.tar.gz");
        assertThat(Files.getPosixFilePermissions(file.getParent()))
                .containsExactlyInAnyOrderElementsOf(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    private ManagedServer server() {
        return new ManagedServer() {
            @Override
            public State state() {
                return state;
            }

            @Override
            public String image() {
                return "img";
            }

            @Override
            public String dataVolume() {
                return "data";
            }

            @Override
            public void stop() {
            }

            @Override
            public void startAndWaitHealthy(Consumer<String> p) {
            }
        };
    }

    private DataVolumeTool tool() {
        return new DataVolumeTool() {
            @Override
            public HelperResult backup(boolean includeModels, char[] passphrase, OutputStream out) {
                try {
                    out.write(helperBytes, 0, helperResult.succeeded() ? helperBytes.length : 3);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return helperResult;
            }

            @Override
            public HelperResult verify(Path archive, char[] passphrase) {
                return helperResult;
            }

            @Override
            public HelperResult restore(Path archive, char[] passphrase) {
                return helperResult;
            }

            @Override
            public HelperResult rollback() {
                return helperResult;
            }

            @Override
            public HelperResult status() {
                return helperResult;
            }

            @Override
            public HelperResult commit() {
                return helperResult;
            }
        };
    }
}
