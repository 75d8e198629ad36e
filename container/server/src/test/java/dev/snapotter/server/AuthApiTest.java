package dev.snapotter.server;

import dev.snapotter.server.support.Api;
import dev.snapotter.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuthApiTest {

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void loginReturnsTokenUserAndExpiry() {
        var r = server.api().postJson("/api/auth/login", Map.of("username", "admin", "password", TestServer.ADMIN_PASSWORD)).expect(200).json();
        assertThat(r.get("token").asText()).hasSizeGreaterThan(40);
        assertThat(r.at("/user/role").asText()).isEqualTo("admin");
        assertThat(r.at("/user/permissions")).hasSize(15);
        assertThat(r.get("expiresAt").asText()).contains("T");
    }

    @Test
    void wrongCredentialsGetAGeneric401AndAreAudited() {
        Api api = server.api();
        assertThat(api.postJson("/api/auth/login", Map.of("username", "admin", "password", "nope")).expect(401).json().get("error").asText())
                .isEqualTo("Invalid credentials");
        api.postJson("/api/auth/login", Map.of("username", "ghost", "password", "nope")).expect(401);
        api.postJson("/api/auth/login", Map.of("username", "x".repeat(5000), "password", "y".repeat(50_000))).expect(401);
        assertThat(server.admin().get("/api/v1/audit-log?action=LOGIN_FAILED").json().get("total").asInt()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void anonymousCallsToProtectedRoutesAre401AndPublicOnesWork() {
        Api anon = server.api();
        anon.get("/api/auth/session").expect(401);
        anon.get("/api/v1/tools").expect(401);
        anon.withToken("not-a-token").get("/api/v1/tools").expect(401);
        anon.withToken("si_" + "0".repeat(96)).get("/api/v1/tools").expect(401);
        anon.get("/api/v1/health").expect(200);
        assertThat(anon.get("/api/v1/config/auth").expect(200).json().get("authEnabled").asBoolean()).isTrue();
        anon.get("/api/v1/openapi.yaml").expect(200);
    }

    @Test
    void logoutEndsTheSession() {
        Api a = server.admin();
        a.get("/api/auth/session").expect(200);
        a.postJson("/api/auth/logout", Map.of()).expect(200);
        a.get("/api/auth/session").expect(401);
    }

    @Test
    void changePasswordRevokesOtherSessionsAndApiKeysButKeepsThisOne() {
        Api u = server.userWithRole("changer", "user");
        Api other = server.api().login("changer", "Ch4ngedchanger");
        String key = u.postJson("/api/v1/api-keys", Map.of("name", "k")).expect(201).json().get("key").asText();
        u.postJson("/api/auth/change-password", Map.of("currentPassword", "wrong", "newPassword", "Another-1")).expect(400);
        u.postJson("/api/auth/change-password", Map.of("currentPassword", "Ch4ngedchanger", "newPassword", "weak")).expect(400);
        u.postJson("/api/auth/change-password", Map.of("currentPassword", "Ch4ngedchanger", "newPassword", "Another-1")).expect(200);
        u.get("/api/auth/session").expect(200);
        other.get("/api/auth/session").expect(401);
        server.api().withToken(key).get("/api/auth/session").expect(401);
        server.api().login("changer", "Another-1");
    }

    @Test
    void securityHeadersAreOnEveryResponseIncludingErrors() {
        for (Api.Response r : new Api.Response[]{server.api().get("/api/v1/health"), server.api().get("/api/v1/tools"), server.api().get("/nope")}) {
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(r.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
            assertThat(r.header("Content-Security-Policy")).contains("default-src 'none'");
            assertThat(r.header("Server")).isNull();
        }
    }

    @Test
    void unknownRoutesAreJson404() {
        Api.Response r = server.admin().get("/api/v1/does-not-exist").expect(404);
        assertThat(r.json().get("error").asText()).isEqualTo("Not found");
    }
}
