package dev.snapotter.desktop.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.snapotter.backup.BackupManifest;
import dev.snapotter.backup.BackupSummary;
import dev.snapotter.control.api.SnapOtterApi;
import dev.snapotter.control.backup.RestoreCheck;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The desktop's post-restore checks. After data loss the desktop stored a new key at the fresh first start; the
 * restored (older) data does not hold it and the server answers 401. That must not roll the restore back.
 */
class DockerBackupPortChecksTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    private SnapOtterApi serverAnswering(int status, String usersJson) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            byte[] body = (status == 200 ? usersJson : "{\"error\":\"Unauthorized\",\"code\":\"UNAUTHORIZED\"}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        return SnapOtterApi.local(server.getAddress().getPort()).withBearer("si_fresh_first_start_key");
    }

    private static BackupSummary archiveWithTwoUsers() {
        return new BackupSummary(new BackupManifest(1, "0.1.0", 3, Instant.parse("2026-11-25T10:00:00Z"), "host",
                false, List.of(), Map.of("users", 2L)), 100, 1);
    }

    @Test
    void theFreshInstallsKeyUnknownToTheRestoredDataDoesNotFailTheCheck() throws Exception {
        List<RestoreCheck> checks = DockerBackupPort.restoreChecks(Optional.of(serverAnswering(401, "")));
        assertThat(checks).hasSize(1);
        assertThat(checks.getFirst().verify(archiveWithTwoUsers())).contains("skipped").contains("401");
    }

    @Test
    void aKeyTheRestoredDataKnowsStillComparesTheUsers() throws Exception {
        List<RestoreCheck> checks = DockerBackupPort.restoreChecks(Optional.of(serverAnswering(200,
                "{\"users\":[{\"id\":1}]}")));
        assertThatThrownBy(() -> checks.getFirst().verify(archiveWithTwoUsers()))
                .hasMessageContaining("users: server has 1, archive 2");
    }

    @Test
    void noStoredKeyMeansNoApiCheck() {
        assertThat(DockerBackupPort.restoreChecks(Optional.empty())).isEmpty();
    }
}
