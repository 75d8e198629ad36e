package dev.snapotter.server;

import dev.snapotter.server.support.Api;
import dev.snapotter.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Role × endpoint: anonymous gets 401 on every protected route, a role without the permission gets
 * 403, a role with it gets past the guard (any status but 401/403). Requests are built so that
 * passing the guard never changes shared state that other rows depend on.
 */
class AuthMatrixTest {

    static TestServer server;
    static Map<String, Api> clients;
    static String userId;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of());
        Api admin = server.admin();
        Api editor = server.userWithRole("edi", "editor");
        Api user = server.userWithRole("usr", "user");
        String key = admin.postJson("/api/v1/api-keys", Map.of("name", "tools-only", "permissions", List.of("tools:use"))).expect(201).json().get("key").asText();
        userId = admin.get("/api/auth/users").json().get("users").get(2).get("id").asText();
        clients = Map.of("anonymous", server.api(), "admin", admin, "editor", editor, "user", user, "toolsKey", server.api().withToken(key));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** method, path, body (null = none), roles allowed (of admin/editor/user/toolsKey). */
    static Stream<Arguments> matrix() {
        String bogus = "00000000-0000-4000-8000-000000000000";
        return Stream.of(
                Arguments.of("GET", "/api/v1/admin/health", null, List.of("admin")),
                Arguments.of("GET", "/api/auth/session", null, List.of("admin", "editor", "user", "toolsKey")),
                Arguments.of("GET", "/api/auth/users", null, List.of("admin")),
                Arguments.of("POST", "/api/auth/users", Map.of(), List.of("admin")),
                Arguments.of("POST", "/api/auth/register", Map.of(), List.of("admin")),
                Arguments.of("PUT", "/api/auth/users/" + bogus, Map.of(), List.of("admin")),
                Arguments.of("DELETE", "/api/auth/users/" + bogus, null, List.of("admin")),
                Arguments.of("POST", "/api/auth/users/" + bogus + "/reset-password", Map.of(), List.of("admin")),
                Arguments.of("GET", "/api/v1/roles", null, List.of("admin")),
                Arguments.of("GET", "/api/v1/api-keys", null, List.of("admin", "editor", "user")),
                Arguments.of("POST", "/api/v1/api-keys", Map.of("name", 5), List.of("admin", "editor", "user")),
                Arguments.of("DELETE", "/api/v1/api-keys/" + bogus, null, List.of("admin", "editor", "user")),
                Arguments.of("GET", "/api/v1/settings", null, List.of("admin", "editor", "user")),
                Arguments.of("GET", "/api/v1/settings/instance_id", null, List.of("admin", "editor", "user")),
                Arguments.of("PUT", "/api/v1/settings", Map.of(), List.of("admin")),
                Arguments.of("GET", "/api/v1/audit-log", null, List.of("admin")),
                Arguments.of("GET", "/api/v1/tools", null, List.of("admin", "editor", "user", "toolsKey")),
                Arguments.of("GET", "/api/v1/tools/resize", null, List.of("admin", "editor", "user", "toolsKey")),
                Arguments.of("POST", "/api/v1/tools/resize", Map.of(), List.of("admin", "editor", "user", "toolsKey")),
                Arguments.of("POST", "/api/v1/tools/resize/batch", Map.of(), List.of("admin", "editor", "user", "toolsKey")),
                Arguments.of("POST", "/api/v1/pipeline/execute", Map.of(), List.of("admin", "editor", "user", "toolsKey")),
                Arguments.of("POST", "/api/v1/pipeline/batch", Map.of(), List.of("admin", "editor", "user", "toolsKey")),
                Arguments.of("POST", "/api/v1/pipeline/save", Map.of(), List.of("admin", "editor", "user")),
                Arguments.of("GET", "/api/v1/pipeline/list", null, List.of("admin", "editor", "user")),
                Arguments.of("DELETE", "/api/v1/pipeline/" + bogus, null, List.of("admin", "editor", "user")),
                Arguments.of("GET", "/api/v1/pipeline/tools", null, List.of("admin", "editor", "user", "toolsKey")),
                Arguments.of("POST", "/api/auth/logout", null, List.of("admin", "editor", "user", "toolsKey")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void guards(String method, String path, Object body, List<String> allowed) {
        for (Map.Entry<String, Api> e : clients.entrySet()) {
            String who = e.getKey();
            if (method.equals("POST") && path.equals("/api/auth/logout") && !who.equals("anonymous")) continue; // would end the shared session
            int status = call(e.getValue(), method, path, body);
            if (who.equals("anonymous")) {
                assertThat(status).as("%s %s as %s", method, path, who).isEqualTo(401);
            } else if (allowed.contains(who)) {
                assertThat(status).as("%s %s as %s", method, path, who).isNotIn(401, 403);
            } else {
                assertThat(status).as("%s %s as %s", method, path, who).isEqualTo(403);
            }
        }
    }

    private static int call(Api api, String method, String path, Object body) {
        return switch (method) {
            case "GET" -> api.get(path).status();
            case "DELETE" -> api.delete(path).status();
            case "PUT" -> api.putJson(path, body).status();
            default -> body == null ? api.postJson(path, Map.of()).status() : api.postJson(path, body).status();
        };
    }
}
