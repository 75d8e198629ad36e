package dev.snapotter.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snapotter.backup.BackupManifest;
import dev.snapotter.backup.BackupRejectedException;
import dev.snapotter.backup.BackupVerifier;
import dev.snapotter.server.support.Api;
import dev.snapotter.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** POST /api/v1/admin/backup over real HTTP: who may, what comes back, and that it verifies. */
class BackupApiTest {

    static TestServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void adminGetsAStreamedBackupThatVerifiesAndIsAudited() throws Exception {
        Api admin = server.admin();
        int schema = admin.get("/api/v1/admin/backup/schema").expect(200).json().get("schemaVersion").asInt();
        assertThat(schema).isPositive();
        Files.writeString(server.dataDir().resolve("uploads-test.txt"), "an upload");

        // back up while other requests keep writing to the database (audit entries via settings updates)
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger writes = new AtomicInteger();
        Thread writer = Thread.ofVirtual().start(() -> {
            Api w = server.admin();
            while (!stop.get()) {
                w.putJson("/api/v1/settings", Map.of("appName", "Otter " + writes.incrementAndGet())).expect(200);
            }
        });
        Api.Response r;
        try {
            while (writes.get() < 3) Thread.sleep(5);
            r = admin.postJson("/api/v1/admin/backup", Map.of()).expect(200);
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(r.header("Content-Type")).startsWith("application/gzip");
        assertThat(r.header("Content-Disposition")).matches("attachment; filename=\"snapotter-backup-\\d{8}-\\d{6}\\.tar\\.gz\"");
        Path file = tmp.resolve("b.tar.gz");
        Files.write(file, r.bytes());
        BackupManifest m = BackupVerifier.verify(file, null, schema).manifest();
        assertThat(m.schemaVersion()).isEqualTo(schema);
        assertThat(m.tableRowCounts()).containsKeys("users", "audit_log", "settings", "flyway_schema_history");
        assertThat(m.files()).extracting(f -> f.path()).contains("snapotter.db", "uploads-test.txt");
        assertThat(server.dataDir()).isDirectoryNotContaining("glob:**/.backup-*");

        JsonNode audit = admin.get("/api/v1/audit-log?action=BACKUP_CREATED").expect(200).json();
        assertThat(audit.get("total").asInt()).isPositive();
        JsonNode details = audit.at("/entries/0/details");
        assertThat(details.get("bytes").asLong()).isEqualTo(r.bytes().length);
        assertThat(details.get("durationMs").asLong()).isNotNegative();
        assertThat(audit.at("/entries/0/actorUsername").asText()).isEqualTo("admin");
    }

    @Test
    void encryptedBackupNeedsItsPassphrase() throws Exception {
        Api admin = server.admin();
        Api.Response r = admin.postJson("/api/v1/admin/backup", Map.of("passphrase", "long enough phrase", "includeModels", false)).expect(200);
        assertThat(r.header("Content-Type")).startsWith("application/octet-stream");
        assertThat(r.header("Content-Disposition")).endsWith(".tar.gz.enc\"");
        Path file = tmp.resolve("b.enc");
        Files.write(file, r.bytes());
        assertThat(BackupVerifier.verify(file, "long enough phrase".toCharArray(), Integer.MAX_VALUE).fileCount()).isPositive();
        assertThatThrownBy(() -> BackupVerifier.verify(file, "another phrase".toCharArray(), Integer.MAX_VALUE))
                .isInstanceOfSatisfying(BackupRejectedException.class, e -> assertThat(e.reason()).isEqualTo(BackupRejectedException.Reason.WRONG_PASSPHRASE));
    }

    /** The server's own database through the whole cycle: API backup, stop, restore, start, the backed-up state is served. */
    @Test
    void aBackupRestoredIntoAStoppedServerBringsBackItsState() throws Exception {
        try (TestServer t = TestServer.start(Map.of())) {
            Api admin = t.admin();
            admin.postJson("/api/auth/users", Map.of("username", "kept-user", "password", "Kept1Password", "role", "user")).expect(201);
            int schema = admin.get("/api/v1/admin/backup/schema").expect(200).json().get("schemaVersion").asInt();
            Path file = tmp.resolve("cycle.tar.gz");
            Files.write(file, admin.postJson("/api/v1/admin/backup", Map.of()).expect(200).bytes());
            admin.postJson("/api/auth/users", Map.of("username", "later-user", "password", "Later1Password", "role", "user")).expect(201);

            t.stop();
            dev.snapotter.backup.RestoreReport report = dev.snapotter.backup.DataDirRestorer.restore(file, null, t.dataDir(), schema);
            assertThat(report.tableRowCounts().get("users")).isEqualTo(2L);
            t.restart();
            dev.snapotter.backup.DataDirRestorer.commit(t.dataDir());

            String users = t.admin().get("/api/auth/users").expect(200).body();
            assertThat(users).contains("kept-user").doesNotContain("later-user");
            t.api().login("kept-user", "Kept1Password");
        }
    }

    /** A failure after bytes went out must never leave the client with a body that looks like a complete backup. */
    @Test
    void aBackupThatFailsMidStreamIsAbortedAndAudited() throws Exception {
        try (TestServer t = TestServer.start(Map.of())) {
            Path data = t.dataDir();
            Files.createDirectories(data.resolve("uploads"));
            Files.write(data.resolve("uploads/a-big.bin"), new java.util.Random(1).ints(3_000_000, 0, 256).collect(
                    java.io.ByteArrayOutputStream::new, (o, i) -> o.write(i), (x, y) -> { }).toByteArray());
            Path changing = data.resolve("uploads/z-changing.bin");
            Files.write(changing, new byte[65536]);
            AtomicBoolean stop = new AtomicBoolean();
            Thread rewriter = Thread.ofPlatform().start(() -> {
                try (var ch = java.nio.channels.FileChannel.open(changing, java.nio.file.StandardOpenOption.WRITE)) {
                    for (byte b = 0; !stop.get(); b++) ch.write(java.nio.ByteBuffer.wrap(new byte[65536]).put(0, b), 0);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            byte[] received = null;
            try {
                received = t.admin().postJson("/api/v1/admin/backup", Map.of()).bytes();
            } catch (RuntimeException expected) {
                // the connection was aborted: what the client should see
            } finally {
                stop.set(true);
                rewriter.join();
            }
            if (received != null) {
                Path file = tmp.resolve("aborted.tar.gz");
                Files.write(file, received);
                assertThatThrownBy(() -> BackupVerifier.verify(file, null, Integer.MAX_VALUE)).isInstanceOf(java.io.IOException.class);
            }
            JsonNode audit = t.admin().get("/api/v1/audit-log?action=BACKUP_FAILED").expect(200).json();
            assertThat(audit.get("total").asInt()).isEqualTo(1);
            assertThat(audit.at("/entries/0/details/error").asText()).contains("changed while");
            assertThat(data).isDirectoryNotContaining("glob:**/.backup-*");
        }
    }

    @Test
    void nonAdminsAndBadBodiesAreRefused() {
        server.api().postJson("/api/v1/admin/backup", Map.of()).expect(401);
        Api editor = server.userWithRole("backup-editor", "editor");
        editor.postJson("/api/v1/admin/backup", Map.of()).expect(403);
        editor.get("/api/v1/admin/backup/schema").expect(403);
        Api admin = server.admin();
        admin.postJson("/api/v1/admin/backup", Map.of("passphrase", "short")).expect(400);
        admin.postJson("/api/v1/admin/backup", Map.of("includeModels", "yes")).expect(400);
        admin.postJson("/api/v1/admin/backup", Map.of("destination", "/etc")).expect(400);
        admin.postRaw("/api/v1/admin/backup", "text/plain", "{}".getBytes()).expect(415);
    }
}
