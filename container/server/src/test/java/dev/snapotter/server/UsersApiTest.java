package dev.snapotter.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snapotter.server.support.Api;
import dev.snapotter.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UsersApiTest {

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String idOf(String username) {
        return idOf(server.admin(), username);
    }

    private static String idOf(Api api, String username) {
        for (JsonNode u : api.get("/api/auth/users").expect(200).json().get("users")) {
            if (u.get("username").asText().equals(username)) return u.get("id").asText();
        }
        throw new AssertionError(username);
    }

    @Test
    void createValidatesNamePasswordRoleAndDuplicates() {
        Api admin = server.admin();
        admin.postJson("/api/auth/users", Map.of("username", "a b", "password", "Valid-pass1")).expect(400);
        admin.postJson("/api/auth/users", Map.of("username", "../../x", "password", "Valid-pass1")).expect(400);
        admin.postJson("/api/auth/users", Map.of("username", "newbie", "password", "short")).expect(400);
        admin.postJson("/api/auth/users", Map.of("username", "newbie", "password", "Valid-pass1", "role", "root")).expect(400);
        JsonNode u = admin.postJson("/api/auth/users", Map.of("username", "newbie", "password", "Valid-pass1")).expect(201).json().get("user");
        assertThat(u.get("role").asText()).isEqualTo("user");
        assertThat(u.get("mustChangePassword").asBoolean()).isTrue();
        assertThat(u.toString()).doesNotContain("Valid-pass1").doesNotContain("argon2");
        admin.postJson("/api/auth/users", Map.of("username", "NEWBIE", "password", "Valid-pass1")).expect(409);
    }

    @Test
    void escalationGuards() {
        Api admin = server.admin();
        String adminId = idOf("admin");
        assertThat(admin.putJson("/api/auth/users/" + adminId, Map.of("role", "user")).expect(403).body()).contains("own admin role");
        assertThat(admin.delete("/api/auth/users/" + adminId).expect(403).body()).contains("own account");
        server.userWithRole("second", "admin");
        Api second = server.api().login("second", "Ch4ngedsecond");
        second.putJson("/api/auth/users/" + adminId, Map.of("role", "editor")).expect(200);
        // Now "second" is the last admin: nobody may demote or delete it.
        String secondId = idOf(second, "second");
        second.putJson("/api/auth/users/" + secondId, Map.of("role", "user")).expect(403);
        second.putJson("/api/auth/users/" + adminId, Map.of("role", "admin")).expect(200);
        admin.putJson("/api/auth/users/" + secondId, Map.of("team", "Ops")).expect(200);
        admin.delete("/api/auth/users/" + secondId).expect(200);
        admin.delete("/api/auth/users/" + secondId).expect(404);
    }

    @Test
    void resetPasswordForcesAChangeAndEndsSessions() {
        Api admin = server.admin();
        Api victim = server.userWithRole("forgetful", "editor");
        admin.postJson("/api/auth/users/" + idOf("forgetful") + "/reset-password", Map.of("newPassword", "Reset-pass1")).expect(200);
        victim.get("/api/auth/session").expect(401);
        Api again = server.api().login("forgetful", "Reset-pass1");
        again.get("/api/v1/tools").expect(403);
        assertThat(server.admin().get("/api/v1/audit-log?action=PASSWORD_RESET").json().get("total").asInt()).isEqualTo(1);
    }
}
