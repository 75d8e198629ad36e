package dev.snapotter.server;

import dev.snapotter.server.support.Api;
import dev.snapotter.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HostileJsonTest {

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
    void oversizedJsonIs413() {
        String big = "{\"username\":\"" + "a".repeat(2 * 1024 * 1024) + "\",\"password\":\"x\"}";
        Api api = server.api();
        assertThat(api.sendIsolated(api.request("/api/auth/login").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(big.getBytes(StandardCharsets.UTF_8)))).status()).isEqualTo(413);
    }

    @Test
    void deeplyNestedJsonIs400() {
        String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        server.admin().putJson("/api/v1/settings", deep).expect(400);
    }

    @Test
    void wrongContentTypeIs415AndEmptyBodyIs400() {
        Api admin = server.admin();
        admin.postRaw("/api/auth/login", "text/plain", "{\"username\":\"admin\"}".getBytes()).expect(415);
        admin.postRaw("/api/v1/api-keys", "application/x-www-form-urlencoded", "name=x".getBytes()).expect(415);
        admin.postRaw("/api/v1/pipeline/save", "application/json", new byte[0]).expect(400);
        admin.postRaw("/api/v1/pipeline/save", "application/json", "null".getBytes()).expect(400);
        admin.postRaw("/api/v1/pipeline/save", "application/json", "{\"name\":1}{}".getBytes()).expect(400);
    }

    @Test
    void wrongTypesInFieldsAre400() {
        Api admin = server.admin();
        admin.postJson("/api/auth/login", Map.of("username", 5, "password", true)).expect(400);
        admin.postJson("/api/v1/api-keys", Map.of("name", Map.of("x", 1))).expect(400);
        admin.postJson("/api/v1/api-keys", Map.of("permissions", "tools:use")).expect(400);
        admin.postJson("/api/auth/users", Map.of("username", "u\u202Eser", "password", "Valid-pass1")).expect(400);
        admin.postJson("/api/auth/users", Map.of("username", "x".repeat(5000), "password", "Valid-pass1")).expect(400);
        admin.postJson("/api/auth/users", Map.of("username", "okname", "password", "Valid-pass1" + "x".repeat(5000))).expect(400);
    }

    @Test
    void errorsNeverLeakInternals() {
        Api.Response r = server.admin().putJson("/api/v1/settings", "{\"a\":");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("jackson").doesNotContain("Exception").doesNotContain("at ");
    }
}
