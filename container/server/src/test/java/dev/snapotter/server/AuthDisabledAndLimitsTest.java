package dev.snapotter.server;

import dev.snapotter.server.support.Api;
import dev.snapotter.server.support.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuthDisabledAndLimitsTest {

    @Test
    void withAuthDisabledTheLocalOperatorMayDoEverythingAndNoAdminIsCreated() {
        try (TestServer t = TestServer.startRaw(Map.of("AUTH_ENABLED", "false"))) {
            Api anon = t.api();
            assertThat(anon.get("/api/v1/config/auth").json().get("authEnabled").asBoolean()).isFalse();
            assertThat(anon.get("/api/auth/session").expect(200).json().at("/user/username").asText()).isEqualTo("anonymous");
            anon.get("/api/v1/tools").expect(200);
            anon.get("/api/v1/admin/health").expect(200);
            assertThat(anon.get("/api/auth/users").expect(200).json().get("users")).isEmpty();
            anon.postJson("/api/auth/login", Map.of("username", "admin", "password", "x")).expect(400);
        }
    }

    @Test
    void loginAttemptsAreLimitedPerIpWithRetryAfterAndRateLimitHeaders() {
        try (TestServer t = TestServer.start(Map.of("LOGIN_ATTEMPT_LIMIT", "3"))) {
            Api anon = t.api();
            for (int i = 0; i < 3; i++) {
                Api.Response r = anon.postJson("/api/auth/login", Map.of("username", "admin", "password", "bad")).expect(401);
                assertThat(r.header("RateLimit-Limit")).isEqualTo("3");
                assertThat(r.header("RateLimit-Remaining")).isEqualTo(String.valueOf(2 - i));
            }
            Api.Response limited = anon.postJson("/api/auth/login", Map.of("username", "admin", "password", TestServer.ADMIN_PASSWORD)).expect(429);
            assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
            assertThat(limited.header("RateLimit-Remaining")).isEqualTo("0");
            assertThat(limited.json().get("code").asText()).isEqualTo("RATE_LIMITED");
            // Other endpoints are not affected by the login limit.
            anon.get("/api/v1/config/auth").expect(200);
        }
    }

    @Test
    void generalLimitAppliesToApiButNeverToTheHealthCheck() {
        try (TestServer t = TestServer.start(Map.of("RATE_LIMIT_PER_MIN", "5"))) {
            Api anon = t.api();
            for (int i = 0; i < 5; i++) anon.get("/api/v1/config/auth").expect(200);
            assertThat(anon.get("/api/v1/config/auth").expect(429).header("Retry-After")).isNotNull();
            for (int i = 0; i < 10; i++) anon.get("/api/v1/health").expect(200);
        }
    }

    @Test
    void forwardedForIsOnlyTrustedWithTrustProxy() {
        try (TestServer t = TestServer.start(Map.of("RATE_LIMIT_PER_MIN", "2", "TRUST_PROXY", "true"))) {
            Api anon = t.api();
            for (int ip = 1; ip <= 3; ip++) {
                for (int i = 0; i < 2; i++) {
                    assertThat(anon.send(anon.request("/api/v1/config/auth").header("X-Forwarded-For", "10.0.0." + ip + ", 127.0.0.1").GET()).status())
                            .isEqualTo(200);
                }
            }
        }
        try (TestServer t = TestServer.start(Map.of("RATE_LIMIT_PER_MIN", "2"))) {
            Api anon = t.api();
            int limited = 0;
            for (int ip = 1; ip <= 3; ip++) {
                limited += anon.send(anon.request("/api/v1/config/auth").header("X-Forwarded-For", "10.0.0." + ip).GET()).status() == 429 ? 1 : 0;
            }
            assertThat(limited).isEqualTo(1);
        }
    }

    @Test
    void loginLimitSettingOverridesTheEnvironment() {
        try (TestServer t = TestServer.start(Map.of("LOGIN_ATTEMPT_LIMIT", "100"))) {
            t.admin().putJson("/api/v1/settings", Map.of("loginAttemptLimit", 1)).expect(200);
            Api anon = t.api();
            anon.postJson("/api/auth/login", Map.of("username", "admin", "password", "bad")).expect(401);
            anon.postJson("/api/auth/login", Map.of("username", "admin", "password", "bad")).expect(429);
        }
    }

    @Test
    void userLimitIsEnforced() {
        try (TestServer server = TestServer.start(Map.of("MAX_USERS", "3"))) {
            Api admin = server.admin();
            int created = 0;
            int status;
            do {
                status = admin.postJson("/api/auth/users", Map.of("username", "fill" + created, "password", "Valid-pass1")).status();
                if (status == 201) created++;
            } while (status == 201 && created < 20);
            assertThat(status).isEqualTo(403);
            assertThat(created).isEqualTo(2);
        }
    }
}
