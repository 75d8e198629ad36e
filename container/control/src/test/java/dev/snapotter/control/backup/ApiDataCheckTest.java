package dev.snapotter.control.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.snapotter.backup.BackupManifest;
import dev.snapotter.backup.BackupSummary;
import dev.snapotter.control.api.ApiException;
import dev.snapotter.control.api.SnapOtterApi;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The post-restore API comparison against a loopback stand-in for the restored server. The case that matters:
 * the desktop's key comes from a fresh first start after data loss, which the older backup does not hold, so the
 * restored server answers 401. The plain check fails then (and a restore with it rolls back: restore after data
 * loss could never succeed); {@link ApiDataCheck#whenKeyValid} skips the comparison but still fails on wrong data.
 */
class ApiDataCheckTest {

    private HttpServer server;
    /** "rejected" (401 everywhere), "forbidden" (403), "ok" (the archive's data), "stale" (other data), "broken" (500) */
    private volatile String mode = "ok";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/auth/users", ex -> answer(ex, mode.equals("stale")
                ? "{\"users\":[{\"id\":1}]}" : "{\"users\":[{\"id\":1},{\"id\":2},{\"id\":3}]}"));
        server.createContext("/api/v1/pipeline/list", ex -> answer(ex, "{\"pipelines\":[{\"id\":1},{\"id\":2}]}"));
        server.createContext("/api/v1/audit-log", ex -> answer(ex, "{\"total\":9}"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange ex, String json) throws IOException {
        int status = switch (mode) {
            case "rejected" -> 401;
            case "forbidden" -> 403;
            case "broken" -> 500;
            default -> 200;
        };
        byte[] body = (status == 200 ? json : "{\"error\":\"no\",\"code\":\"X\"}").getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    private SnapOtterApi api() {
        return SnapOtterApi.local(server.getAddress().getPort()).withBearer("si_key_of_the_fresh_install");
    }

    private static BackupSummary archive() {
        BackupManifest m = new BackupManifest(1, "0.1.0", 3, Instant.parse("2026-11-25T10:00:00Z"), "host", false,
                List.of(), Map.of("users", 3L, "pipelines", 2L, "audit_log", 7L));
        return new BackupSummary(m, 1234, 2);
    }

    @Test
    void thePlainCheckFailsWhenTheRestoredDataDoesNotKnowTheKey() {
        mode = "rejected";
        assertThatThrownBy(() -> new ApiDataCheck(api()).verify(archive())).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(401));
    }

    @Test
    void aKeyTheRestoredDataDoesNotHoldSkipsTheComparisonAndSaysSo() throws Exception {
        mode = "rejected";
        assertThat(ApiDataCheck.whenKeyValid(api()).verify(archive())).contains("skipped").contains("HTTP 401")
                .contains("verified in place");
        mode = "forbidden";
        assertThat(ApiDataCheck.whenKeyValid(api()).verify(archive())).contains("skipped").contains("HTTP 403");
    }

    @Test
    void aValidKeyStillComparesTheData() throws Exception {
        assertThat(ApiDataCheck.whenKeyValid(api()).verify(archive()))
                .isEqualTo("server serves 3 users, 2 pipelines, 9 audit entries as in the archive");
    }

    @Test
    void aValidKeyOnOtherDataStillFails() {
        mode = "stale";
        assertThatThrownBy(() -> ApiDataCheck.whenKeyValid(api()).verify(archive()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("users: server has 1, archive 3");
    }

    @Test
    void aServerErrorIsNotMistakenForAnUnknownKey() {
        mode = "broken";
        assertThatThrownBy(() -> ApiDataCheck.whenKeyValid(api()).verify(archive())).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(500));
    }

    @Test
    void aRestoreWithTheFreshInstallsKeyIsNotRolledBack() {
        mode = "rejected";
        RestoreOutcome plain = restoreWith(new ApiDataCheck(api()));
        assertThat(plain.result()).as("the bug: the desktop's own key rolled every such restore back")
                .isEqualTo(RestoreOutcome.Result.ROLLED_BACK);
        RestoreOutcome fixed = restoreWith(ApiDataCheck.whenKeyValid(api()));
        assertThat(fixed.result()).as(fixed.report()).isEqualTo(RestoreOutcome.Result.RESTORED);
        assertThat(fixed.steps()).filteredOn(s -> s.step() == RestoreStep.VERIFY_RESTORED).singleElement()
                .satisfies(s -> assertThat(s.detail()).contains("skipped"));
    }

    /** A restore whose server and VolumeTool always succeed: only the check decides. */
    private static RestoreOutcome restoreWith(RestoreCheck check) {
        ManagedServer server = new ManagedServer() {
            State state = State.RUNNING_HEALTHY;

            @Override
            public State state() {
                return state;
            }

            @Override
            public void stop() {
                state = State.STOPPED;
            }

            @Override
            public void startAndWaitHealthy(java.util.function.Consumer<String> progress) {
                state = State.RUNNING_HEALTHY;
            }

            @Override
            public String dataVolume() {
                return "data";
            }

            @Override
            public String image() {
                return "image";
            }
        };
        HelperResult ok = new HelperResult(0, "{}");
        DataVolumeTool tool = new DataVolumeTool() {
            @Override
            public HelperResult backup(boolean includeModels, char[] passphrase, java.io.OutputStream out) {
                return ok;
            }

            @Override
            public HelperResult verify(java.nio.file.Path archive, char[] passphrase) {
                return ok;
            }

            @Override
            public HelperResult restore(java.nio.file.Path archive, char[] passphrase) {
                return ok;
            }

            @Override
            public HelperResult rollback() {
                return ok;
            }

            @Override
            public HelperResult status() {
                return ok;
            }

            @Override
            public HelperResult commit() {
                return ok;
            }
        };
        return new RestoreService(server, tool, (a, p) -> archive(), progress -> java.nio.file.Path.of("safety"),
                List.of(check)).restore(java.nio.file.Path.of("backup.tar.gz"), null, RestoreListener.NONE);
    }
}
