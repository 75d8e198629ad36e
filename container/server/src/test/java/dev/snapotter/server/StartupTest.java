package dev.snapotter.server;

import dev.snapotter.server.support.Api;
import dev.snapotter.server.support.Multipart;
import dev.snapotter.server.support.Pictures;
import dev.snapotter.server.support.TestServer;
import dev.snapotter.server.users.InitialAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartupTest {

    @TempDir
    Path tmp;

    @Test
    void withoutDefaultPasswordARandomOneIsWrittenOwnerOnlyAndMustBeChanged() throws Exception {
        try (TestServer t = TestServer.startRaw(Map.of())) {
            Path file = t.dataDir().resolve(InitialAdmin.FILE_NAME);
            assertThat(file).exists();
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            String password = Files.readString(file).strip();
            assertThat(password).hasSize(24).isNotEqualTo("admin");
            Api api = t.api();
            api.postJson("/api/auth/login", Map.of("username", "admin", "password", "admin")).expect(401);
            api.login("admin", password);
            assertThat(api.get("/api/auth/session").expect(200).json().at("/user/mustChangePassword").asBoolean()).isTrue();
            assertThat(api.get("/api/v1/settings").expect(403).json().get("code").asText()).isEqualTo("MUST_CHANGE_PASSWORD");
            api.postJson("/api/auth/change-password", Map.of("currentPassword", password, "newPassword", "Brand-new-1")).expect(200);
            api.get("/api/v1/settings").expect(200);
            assertThat(file).doesNotExist();
        }
    }

    @Test
    void defaultPasswordFromFileIsUsedAndNothingIsWritten() throws Exception {
        Path secret = tmp.resolve("secret");
        Files.writeString(secret, "FromFile-123\n");
        Map<String, String> env = new HashMap<>();
        env.put("DEFAULT_PASSWORD_FILE", secret.toString());
        env.put("DEFAULT_USERNAME", "boss");
        try (TestServer t = TestServer.startRaw(env)) {
            assertThat(t.dataDir().resolve(InitialAdmin.FILE_NAME)).doesNotExist();
            Api api = t.api().login("boss", "FromFile-123");
            // An operator-chosen password must still be changed unless SKIP_MUST_CHANGE_PASSWORD=true.
            assertThat(api.get("/api/auth/session").json().at("/user/mustChangePassword").asBoolean()).isTrue();
        }
    }

    @Test
    void unwritableDataDirIsAFatalErrorNamingTheVariable() throws Exception {
        Path notADir = Files.writeString(tmp.resolve("file"), "x");
        Map<String, String> env = Map.of("DATA_DIR", notADir.resolve("data").toString());
        assertThatThrownBy(() -> SnapOtterServer.start(TestServer.config(tmp, env), UidSource.fixed(1000)))
                .isInstanceOf(StartupException.class).hasMessageContaining("DATA_DIR").hasMessageContaining("not writable by uid 1000");
    }

    @Test
    void unwritableWorkspaceIsAFatalErrorNamingTheVariable() throws Exception {
        Path notADir = Files.writeString(tmp.resolve("file"), "x");
        Map<String, String> env = Map.of("WORKSPACE_PATH", notADir.resolve("ws").toString());
        assertThatThrownBy(() -> SnapOtterServer.start(TestServer.config(tmp, env), UidSource.fixed(1000)))
                .isInstanceOf(StartupException.class).hasMessageContaining("WORKSPACE_PATH");
    }

    @Test
    void everythingPersistsAcrossARestart() {
        try (TestServer t = TestServer.start(Map.of())) {
            Api admin = t.admin();
            admin.postJson("/api/auth/users", Map.of("username", "keeper", "password", "Keeper-123", "role", "editor")).expect(201);
            String key = admin.postJson("/api/v1/api-keys", Map.of("name", "ci")).expect(201).json().get("key").asText();
            admin.putJson("/api/v1/settings", Map.of("defaultTheme", "dark")).expect(200);
            admin.postJson("/api/v1/pipeline/save", Map.of("name", "thumbs", "steps",
                    java.util.List.of(Map.of("toolId", "resize", "settings", Map.of("width", 64))))).expect(201);
            String jobId = admin.postMultipart("/api/v1/tools/resize", new Multipart().file("a.png", Pictures.png(40, 30))
                    .field("settings", "{\"width\":20}")).expect(200).json().get("jobId").asText();
            String session = admin.token();

            t.restart();

            Api again = t.api().withToken(session);
            assertThat(again.get("/api/auth/session").expect(200).json().at("/user/username").asText()).isEqualTo("admin");
            Api byKey = t.api().withToken(key);
            assertThat(byKey.get("/api/auth/users").expect(200).json().get("users")).hasSize(2);
            assertThat(byKey.get("/api/v1/settings/defaultTheme").expect(200).json().get("value").asText()).isEqualTo("dark");
            assertThat(byKey.get("/api/v1/pipeline/list").json().get("pipelines")).hasSize(1);
            assertThat(byKey.get("/api/v1/jobs/" + jobId).expect(200).json().get("status").asText()).isEqualTo("completed");
            assertThat(byKey.get("/api/v1/audit-log?action=USER_CREATED").json().get("total").asInt()).isEqualTo(1);
            t.api().login("keeper", "Keeper-123");
        }
    }
}
