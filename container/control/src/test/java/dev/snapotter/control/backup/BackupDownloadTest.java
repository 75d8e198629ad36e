package dev.snapotter.control.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.snapotter.backup.BackupFiles;
import dev.snapotter.backup.BackupOptions;
import dev.snapotter.control.api.ApiException;
import dev.snapotter.control.api.SnapOtterApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code SnapOtterApi.downloadBackup} against a loopback stand-in for {@code POST /api/v1/admin/backup}: the body
 * it sends, a streamed archive, an error answer, and a transfer the server breaks off midway (no file may look
 * like a finished backup then).
 */
class BackupDownloadTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicReference<String> requestBody = new AtomicReference<>();
    private final AtomicReference<String> auth = new AtomicReference<>();
    private volatile String mode = "ok";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/admin/backup", ex -> {
            requestBody.set(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            auth.set(ex.getRequestHeaders().getFirst("Authorization"));
            switch (mode) {
                case "ok" -> {
                    byte[] body = "ARCHIVE-BYTES".repeat(1000).getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(200, body.length);
                    ex.getResponseBody().write(body);
                    ex.close();
                }
                case "forbidden" -> {
                    byte[] body = "{\"error\":\"only a full administrator\",\"code\":\"FORBIDDEN\"}".getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(403, body.length);
                    ex.getResponseBody().write(body);
                    ex.close();
                }
                default -> {
                    // Announce 1 MB, send 10 kB, then drop the connection: a server that failed mid-stream.
                    ex.sendResponseHeaders(200, 1_000_000);
                    OutputStream out = ex.getResponseBody();
                    out.write(new byte[10_000]);
                    out.flush();
                    ex.getHttpContext().getServer().stop(0);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private SnapOtterApi api() {
        return SnapOtterApi.local(server.getAddress().getPort()).withBearer("si_admin");
    }

    @Test
    void streamsTheArchiveAndSendsOptionsInTheBody() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        api().downloadBackup(new BackupOptions(true, "a long passphrase".toCharArray()), out);
        assertThat(out.size()).isEqualTo(13_000);
        assertThat(requestBody.get()).contains("\"includeModels\":true").contains("\"passphrase\":\"a long passphrase\"");
        assertThat(auth.get()).isEqualTo("Bearer si_admin");
    }

    @Test
    void anErrorAnswerBecomesAnApiExceptionWithTheStatus() {
        mode = "forbidden";
        assertThatThrownBy(() -> api().downloadBackup(BackupOptions.plain(), new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403))
                .hasMessageContaining("only a full administrator");
    }

    @Test
    void aTransferCutOffMidwayLeavesNoFileThatLooksLikeABackup() throws IOException {
        mode = "cut";
        Path target = dir.resolve("backup.tar.gz");
        assertThatThrownBy(() -> BackupFiles.writeAtomically(target, out -> api().downloadBackup(BackupOptions.plain(), out)))
                .isInstanceOf(ApiException.class).hasMessageContaining("broke off");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("neither the backup nor its .partial file").isEmpty();
        }
    }
}
