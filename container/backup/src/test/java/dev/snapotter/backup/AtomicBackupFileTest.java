package dev.snapotter.backup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicBackupFileTest {

    @TempDir
    Path tmp;

    @Test
    void aFailedWriteLeavesNothing() {
        Path dest = tmp.resolve("b.tar.gz");
        assertThatThrownBy(() -> BackupFiles.writeAtomically(dest, out -> {
            out.write(new byte[10_000]);
            throw new IOException("client went away");
        })).hasMessageContaining("client went away");
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void anExistingFileIsNotOverwrittenUnlessAsked() throws IOException {
        Path dest = tmp.resolve("b.tar.gz");
        Files.writeString(dest, "older backup");
        assertThatThrownBy(() -> BackupFiles.writeAtomically(dest, out -> out.write(1))).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(dest).hasContent("older backup");
        BackupFiles.writeAtomically(dest, true, out -> out.write("new".getBytes()));
        assertThat(dest).hasContent("new");
    }

    /** A JVM killed with SIGKILL in the middle of a real backup leaves at most a ".partial" file that does not verify. */
    @Test
    void aKilledBackupLeavesNoValidLookingFile() throws Exception {
        Path data = TestData.dataDir(tmp.resolve("data"), 2000, 1, 41);
        Files.write(data.resolve("uploads/big.bin"), TestData.bytes(new java.util.Random(1), 8_000_000));
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path dest = out.resolve("backup.tar.gz");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SlowBackupMain.class.getName(), data.toString(), dest.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partials(out).isEmpty() || Files.size(partials(out).getFirst()) < 100_000) {
                assertThat(p.isAlive()).as("child still running (log: %s)", tmp.resolve("child.log")).isTrue();
                assertThat(System.nanoTime()).as("partial file appeared in time").isLessThan(deadline);
                Thread.sleep(20);
            }
            p.destroyForcibly(); // SIGKILL: no finally blocks, no shutdown hooks
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(dest).doesNotExist();
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).allMatch(n -> n.startsWith(".backup.tar.gz.") && n.endsWith(BackupFiles.PARTIAL_SUFFIX));
        }
        Path partial = partials(out).getFirst();
        assertThatThrownBy(() -> BackupVerifier.verify(partial, null, 1)).isInstanceOf(BackupRejectedException.class);
    }

    private static List<Path> partials(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(BackupFiles.PARTIAL_SUFFIX)).toList();
        }
    }

    /** Child process: writes a real backup through a stream that slows down once the partial file is large enough. */
    public static final class SlowBackupMain {
        public static void main(String[] args) throws Exception {
            Path data = Path.of(args[0]);
            BackupFiles.writeAtomically(Path.of(args[1]), out -> BackupWriter.write(data, BackupOptions.plain(), new java.io.FilterOutputStream(out) {
                long written;

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    written += len;
                    if (written > 200_000) {
                        out.flush();
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
            }, TestData.VERSION, data.resolve(".backup-tmp-child"), KdfParams.FAST_FOR_TESTS));
        }
    }
}
