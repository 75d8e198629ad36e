package dev.snapotter.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The helper container's entry point, run in-process: commands, JSON results, exit codes, passphrase file. */
class VolumeToolTest {

    @TempDir
    Path tmp;
    final Map<String, String> env = new HashMap<>();
    ByteArrayOutputStream out;
    ByteArrayOutputStream err;

    int run(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        return new VolumeTool(new PrintStream(out, true), new PrintStream(err, true, StandardCharsets.UTF_8), env).run(args);
    }

    JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out.toByteArray());
    }

    /** A data folder as a crashed (or killed) server leaves it: committed rows still only in the WAL. */
    Path crashedServerData() throws Exception {
        Path data = TestData.dataDir(tmp.resolve("running"), 100, 2, 51);
        Path copy = Files.createDirectories(tmp.resolve("data"));
        try (Connection c = TestData.open(data.resolve(BackupLayout.DATABASE))) {
            c.createStatement().execute("PRAGMA wal_autocheckpoint=0");
            TestData.insertRows(c, 25, 52);
            try (var files = Files.walk(data)) {
                for (Path p : files.toList()) {
                    if (p.equals(data) || p.getFileName().toString().endsWith("-shm")) continue;
                    Path dest = copy.resolve(data.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(dest);
                    else Files.copy(p, dest);
                }
            }
        }
        assertThat(Files.size(copy.resolve("snapotter.db-wal"))).isPositive();
        return copy;
    }

    @Test
    void backupOfAStoppedServersVolumeIncludesTheWalAndRestoresWithRollbackAndCommit() throws Exception {
        Path data = crashedServerData();
        Map<String, String> dataBefore = TestData.tree(data);
        Path archive = tmp.resolve("out/vol.tar.gz");
        assertThat(run("backup", "--data", data.toString(), "--out", archive.toString(), "--tmp", tmp.resolve("t").toString()))
                .as(err.toString()).isZero();
        assertThat(json().get("files").asInt()).isEqualTo(4);
        assertThat(TestData.tree(data)).as("the volume is only read").isEqualTo(dataBefore);

        assertThat(run("verify", "--archive", archive.toString())).as(err.toString()).isZero();
        assertThat(json().at("/manifest/tableRowCounts/users").asLong()).isEqualTo(125);
        assertThat(json().at("/manifest/schemaVersion").asInt()).isEqualTo(2);

        Path target = TestData.dataDir(tmp.resolve("target"), 3, 1, 53);
        Map<String, String> before = TestData.tree(target);
        assertThat(run("restore", "--data", target.toString(), "--archive", archive.toString())).as(err.toString()).isZero();
        assertThat(json().get("tableRowCounts").get("users").asLong()).isEqualTo(125);
        assertThat(run("status", "--data", target.toString())).isZero();
        assertThat(json().get("pending").asBoolean()).isTrue();
        assertThat(run("rollback", "--data", target.toString())).isZero();
        assertThat(TestData.tree(target)).isEqualTo(before);

        assertThat(run("restore", "--data", target.toString(), "--archive", archive.toString())).isZero();
        assertThat(run("commit", "--data", target.toString())).isZero();
        assertThat(TestData.count(target.resolve(BackupLayout.DATABASE), "users")).isEqualTo(125);
        assertThat(run("status", "--data", target.toString())).isZero();
        assertThat(json().get("pending").asBoolean()).isFalse();
    }

    @Test
    void backupToStdoutWithAPassphraseFile() throws Exception {
        Path data = TestData.dataDir(tmp.resolve("data"), 10, 1, 54);
        Path pass = tmp.resolve("pass");
        Files.writeString(pass, "volume pass phrase\n");
        env.put(VolumeTool.PASSPHRASE_FILE_ENV, pass.toString());
        assertThat(run("backup", "--data", data.toString(), "--out", "-", "--tmp", tmp.resolve("t").toString())).as(err.toString()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("\"encrypted\":true");
        Path archive = tmp.resolve("stdout.enc");
        Files.write(archive, out.toByteArray());
        assertThat(BackupVerifier.verify(archive, "volume pass phrase".toCharArray(), 1).fileCount()).isEqualTo(4);
        assertThat(run("verify", "--archive", archive.toString())).isZero();

        Files.writeString(pass, "wrong");
        assertThat(run("verify", "--archive", archive.toString())).isEqualTo(VolumeTool.REFUSED);
        assertThat(err.toString()).startsWith("REFUSED WRONG_PASSPHRASE:");
        env.clear();
        assertThat(run("verify", "--archive", archive.toString())).isEqualTo(VolumeTool.REFUSED);
        assertThat(err.toString()).startsWith("REFUSED PASSPHRASE_REQUIRED:");
    }

    @Test
    void refusalsAndUsageErrorsHaveTheirExitCodes() throws Exception {
        Path data = TestData.dataDir(tmp.resolve("data"), 5, 3, 55);
        Path archive = tmp.resolve("newer.tar.gz");
        Files.write(archive, TestData.backup(data, BackupOptions.plain()));
        assertThat(run("verify", "--archive", archive.toString())).isEqualTo(VolumeTool.REFUSED); // the class path knows schema 2
        assertThat(err.toString()).startsWith("REFUSED NEWER_SCHEMA:");
        assertThat(run("verify", "--archive", archive.toString(), "--max-schema", "3")).isZero();
        Path target = TestData.dataDir(tmp.resolve("target"), 5, 1, 56);
        Map<String, String> before = TestData.tree(target);
        assertThat(run("restore", "--data", target.toString(), "--archive", archive.toString())).isEqualTo(VolumeTool.REFUSED);
        assertThat(TestData.tree(target)).isEqualTo(before);

        assertThat(run("verify", "--archive", archive.toString(), "--passphrase", "x")).isEqualTo(VolumeTool.USAGE);
        assertThat(err.toString()).contains("never accepted on the command line");
        assertThat(run("frobnicate")).isEqualTo(VolumeTool.USAGE);
        assertThat(run("restore", "--archive", archive.toString())).isEqualTo(VolumeTool.USAGE);
        assertThat(run("rollback", "--data", target.toString())).isEqualTo(VolumeTool.FAILED);
        assertThat(run("schema")).isZero();
        assertThat(json().get("maxSchemaVersion").asInt()).isEqualTo(2);
    }

    @Test
    void aDatabaseThatChangesWhileCopiedIsRefused() throws Exception {
        // The copy check compares size+mtime before and after; simulate by a writer that commits throughout.
        Path data = TestData.dataDir(tmp.resolve("data"), 20_000, 1, 57);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread writer = Thread.ofPlatform().start(() -> {
            try (Connection c = TestData.open(data.resolve(BackupLayout.DATABASE))) {
                c.createStatement().execute("PRAGMA wal_autocheckpoint=0");
                while (!stop.get()) TestData.insertRows(c, 1, 58);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            Thread.sleep(100);
            int code = VolumeToolTestSupport.retryUntilRefused(() -> run("backup", "--data", data.toString(), "--out",
                    tmp.resolve("x" + System.nanoTime() + ".tar.gz").toString(), "--tmp", tmp.resolve("t").toString()));
            assertThat(code).isEqualTo(VolumeTool.FAILED);
            assertThat(err.toString()).contains("server is still running");
        } finally {
            stop.set(true);
            writer.join();
        }
    }
}
