package dev.snapotter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapotter.backup.BackupOptions;
import dev.snapotter.backup.BackupWriter;
import dev.snapotter.backup.KdfParams;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code snapotter verify-backup}, and the argument handling of {@code backup} / {@code restore} that happens
 * before any Docker engine is needed: exit codes, refusals, passphrases only from files or prompts.
 */
class BackupCommandsTest {

    @TempDir
    static Path dir;

    private static Path good;
    private static Path encrypted;
    private static Path passFile;

    @BeforeAll
    static void writeArchives() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(data.resolve("uploads"));
        Files.writeString(data.resolve("uploads/notes.txt"), "hello");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("snapotter.db"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("INSERT INTO users (name) VALUES ('admin'), ('alice')");
        }
        good = write(data, "good.tar.gz", null);
        encrypted = write(data, "encrypted.tar.gz", "correct horse".toCharArray());
        passFile = Files.writeString(dir.resolve("pass.txt"), "correct horse\n");
    }

    private static Path write(Path data, String name, char[] passphrase) throws Exception {
        Path out = dir.resolve(name);
        try (OutputStream o = Files.newOutputStream(out)) {
            BackupWriter.write(data, new BackupOptions(false, passphrase), o, "0.1.0-test",
                    dir.resolve("tmp-" + name), KdfParams.FAST_FOR_TESTS);
        }
        return out;
    }

    @Test
    void verifyBackupDescribesAGoodArchive() {
        CliHarness.Result r = new CliHarness().run("verify-backup", good.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("OK").contains("every checksum matches").contains("2 users")
                .contains("encrypted   no");
    }

    @Test
    void verifyBackupRefusesATruncatedArchive() throws Exception {
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.tar.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        CliHarness.Result r = new CliHarness().run("verify-backup", cut.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(r.err()).contains("REFUSED").contains("TRUNCATED");
    }

    @Test
    void verifyBackupRefusesACorruptArchive() throws Exception {
        byte[] bytes = Files.readAllBytes(good);
        for (int i = bytes.length / 3; i < bytes.length / 3 + 8; i++) bytes[i] ^= 0x55;
        Path bad = Files.write(dir.resolve("corrupt.tar.gz"), bytes);
        CliHarness.Result r = new CliHarness().run("verify-backup", bad.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(r.err()).contains("REFUSED");
    }

    @Test
    void verifyBackupRefusesSomethingThatIsNoBackup() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.tar.gz"), "just text");
        CliHarness.Result r = new CliHarness().run("verify-backup", text.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(r.err()).contains("NOT_A_BACKUP");
    }

    @Test
    void encryptedArchivesNeedTheRightPassphraseFromAFile() throws Exception {
        CliHarness.Result none = new CliHarness().run("verify-backup", encrypted.toString());
        assertThat(none.exitCode()).as(none.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(none.err()).contains("PASSPHRASE_REQUIRED");

        Path wrongFile = Files.writeString(dir.resolve("wrong.txt"), "battery staple");
        CliHarness.Result wrong = new CliHarness().run("verify-backup", "--passphrase-file", wrongFile.toString(),
                encrypted.toString());
        assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(wrong.err()).contains("WRONG_PASSPHRASE");

        CliHarness.Result right = new CliHarness().run("verify-backup", "--passphrase-file", passFile.toString(),
                encrypted.toString());
        assertThat(right.exitCode()).as(right.toString()).isEqualTo(ExitCodes.OK);
        assertThat(right.out()).contains("encrypted   yes");
    }

    @Test
    void aPassphraseIsNeverAnArgument() {
        CliHarness.Result r = new CliHarness().run("verify-backup", "--passphrase", "secret", good.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out() + r.err()).doesNotContain("OK ");
    }

    @Test
    void missingFilesAndBadOptionsAreUsageErrors() {
        assertThat(new CliHarness().run("verify-backup", dir.resolve("nope.tar.gz").toString()).exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(new CliHarness().run("verify-backup", dir.toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(new CliHarness().run("backup").exitCode()).as("--out is required").isEqualTo(ExitCodes.USAGE);
        CliHarness.Result pass = new CliHarness().run("backup", "-o", dir.toString(), "--passphrase-file",
                dir.resolve("missing.txt").toString());
        assertThat(pass.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(pass.err()).contains("cannot read the passphrase file");
        CliHarness.Result both = new CliHarness().run("verify-backup", "--passphrase-file", passFile.toString(),
                "--ask-passphrase", good.toString());
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void backupFromAServerWritesAnArchiveThatVerifyBackupAccepts() throws Exception {
        // A loopback stand-in for POST /api/v1/admin/backup that streams a real BackupWriter archive.
        byte[] archive = Files.readAllBytes(good);
        AtomicReference<String> auth = new AtomicReference<>();
        AtomicReference<String> body = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/admin/backup", ex -> {
            auth.set(ex.getRequestHeaders().getFirst("Authorization"));
            body.set(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(200, 0);
            try (OutputStream o = ex.getResponseBody()) {
                for (int i = 0; i < archive.length; i += 4096) o.write(archive, i, Math.min(4096, archive.length - i));
            }
        });
        server.start();
        try {
            Path key = Files.writeString(dir.resolve("api-key.txt"), "si_cli_backup_test_key\n");
            Path folder = Files.createDirectories(dir.resolve("from-server"));
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            CliHarness.Result r = new CliHarness().run("backup", "--server", url, "--api-key-file", key.toString(),
                    "-o", folder.toString());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
            assertThat(r.out()).contains("Wrote").contains("from the running server");
            assertThat(auth.get()).isEqualTo("Bearer si_cli_backup_test_key");
            assertThat(body.get()).contains("\"includeModels\":false").doesNotContain("passphrase");
            List<Path> written;
            try (Stream<Path> files = Files.list(folder)) {
                written = files.toList();
            }
            assertThat(written).singleElement().satisfies(f -> {
                assertThat(f.getFileName().toString()).startsWith("snapotter-backup-").endsWith(".tar.gz");
                assertThat(Files.readAllBytes(f)).isEqualTo(archive);
            });

            CliHarness.Result verified = new CliHarness().run("verify-backup", written.getFirst().toString());
            assertThat(verified.exitCode()).as(verified.toString()).isEqualTo(ExitCodes.OK);
            assertThat(verified.out()).contains("every checksum matches").contains("2 users");

            CliHarness.Result again = new CliHarness().run("backup", "--server", url, "--api-key-file",
                    key.toString(), "-o", written.getFirst().toString());
            assertThat(again.exitCode()).as("never overwritten: " + again).isEqualTo(ExitCodes.USAGE);
            assertThat(again.err()).contains("exists");
            assertThat(Files.readAllBytes(written.getFirst())).isEqualTo(archive);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRemoteBackupNeedsAnApiKey() {
        CliHarness.Result r = new CliHarness().run("backup", "--server", "http://127.0.0.1:9", "-o", dir.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--api-key-file");
    }

    @Test
    void restoreRefusesABadArchiveBeforeTouchingAnything() throws Exception {
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut2.tar.gz"), Arrays.copyOf(bytes, bytes.length - 40));
        CliHarness.Result r = new CliHarness().run("restore", "--yes", cut.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(r.err()).contains("Nothing was stopped or changed");
    }

    @Test
    void restoreWantsTheDockerHostAndAConfirmation() {
        CliHarness.Result remote = new CliHarness().run("restore", "--server", "http://127.0.0.1:9", good.toString());
        assertThat(remote.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(remote.err()).contains("Docker host");

        CliHarness.Result script = new CliHarness().run("restore", good.toString());
        assertThat(script.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(script.err()).contains("--yes");

        CliHarness.Result declined = new CliHarness().terminal(true).stdin("no\n").run("restore", good.toString());
        assertThat(declined.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(declined.out()).contains("REPLACES all data").contains("2 users");
        assertThat(declined.err()).contains("nothing was changed");

        CliHarness.Result encryptedNoPass = new CliHarness().run("restore", "--yes", encrypted.toString());
        assertThat(encryptedNoPass.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(encryptedNoPass.err()).contains("is encrypted");
    }

    @Test
    void helpListsTheBackupCommandsAndTheirExitCodes() {
        CliHarness.Result r = new CliHarness().run("--help");
        assertThat(r.out()).contains("backup").contains("restore").contains("verify-backup")
                .contains("4    backup refused");
    }
}
