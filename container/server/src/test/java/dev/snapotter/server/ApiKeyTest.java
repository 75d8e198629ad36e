package dev.snapotter.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snapotter.server.support.Api;
import dev.snapotter.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ApiKeyTest {

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
    void keyIsShownOnceAndAuthenticates() {
        Api admin = server.admin();
        JsonNode created = admin.postJson("/api/v1/api-keys", Map.of("name", "desktop")).expect(201).json();
        String key = created.get("key").asText();
        assertThat(key).matches("^si_[0-9a-f]{96}$");
        assertThat(created.get("lastUsedAt").isNull()).isTrue();
        JsonNode listed = admin.get("/api/v1/api-keys").expect(200).json().get("apiKeys");
        assertThat(listed.toString()).doesNotContain(key).doesNotContain(key.substring(3, 40));
        Api byKey = server.api().withToken(key);
        assertThat(byKey.get("/api/auth/session").expect(200).json().get("via").asText()).isEqualTo("api_key");
        JsonNode after = admin.get("/api/v1/api-keys").json().get("apiKeys");
        boolean used = false;
        for (JsonNode k : after) if (k.get("id").asText().equals(created.get("id").asText())) used = !k.get("lastUsedAt").isNull();
        assertThat(used).isTrue();
    }

    @Test
    void scopeLimitsWhatAKeyMayDo() {
        Api admin = server.admin();
        String key = admin.postJson("/api/v1/api-keys", Map.of("permissions", List.of("tools:use"))).expect(201).json().get("key").asText();
        Api byKey = server.api().withToken(key);
        byKey.get("/api/v1/tools").expect(200);
        byKey.get("/api/auth/users").expect(403);
        byKey.get("/api/v1/settings").expect(403);
        admin.postJson("/api/v1/api-keys", Map.of("permissions", List.of("no:such"))).expect(400);
    }

    @Test
    void aKeyCannotExceedItsOwnersRole() {
        Api user = server.userWithRole("keyuser", "user");
        user.postJson("/api/v1/api-keys", Map.of("permissions", List.of("users:manage"))).expect(403);
        String key = user.postJson("/api/v1/api-keys", Map.of()).expect(201).json().get("key").asText();
        server.api().withToken(key).get("/api/auth/users").expect(403);
    }

    @Test
    void expiredKeysAreRejected() {
        Api admin = server.admin();
        admin.postJson("/api/v1/api-keys", Map.of("expiresAt", Instant.now().minusSeconds(5).toString())).expect(400);
        admin.postJson("/api/v1/api-keys", Map.of("expiresAt", "tomorrow")).expect(400);
        String key = admin.postJson("/api/v1/api-keys", Map.of("expiresAt", Instant.now().plusMillis(1500).toString())).expect(201).json().get("key").asText();
        Api byKey = server.api().withToken(key);
        byKey.get("/api/auth/session").expect(200);
        await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() -> byKey.get("/api/auth/session").expect(401));
    }

    @Test
    void deleteOwnKeyButNotSomeoneElses() {
        Api a = server.userWithRole("alice", "user");
        Api b = server.userWithRole("bob", "user");
        JsonNode k = a.postJson("/api/v1/api-keys", Map.of("name", "mine")).expect(201).json();
        b.delete("/api/v1/api-keys/" + k.get("id").asText()).expect(404);
        b.get("/api/v1/api-keys?all=true").expect(403);
        a.delete("/api/v1/api-keys/" + k.get("id").asText()).expect(200);
        server.api().withToken(k.get("key").asText()).get("/api/auth/session").expect(401);
        assertThat(server.admin().get("/api/v1/audit-log?action=API_KEY_DELETED").json().get("total").asInt()).isPositive();
    }

    @Test
    void tamperedKeysFail() {
        String key = server.admin().postJson("/api/v1/api-keys", Map.of()).expect(201).json().get("key").asText();
        char last = key.charAt(key.length() - 1);
        String tampered = key.substring(0, key.length() - 1) + (last == 'a' ? 'b' : 'a');
        server.api().withToken(tampered).get("/api/auth/session").expect(401);
        server.api().withToken(key.toUpperCase()).get("/api/auth/session").expect(401);
    }
}
