package dev.snapotter.control.api;

import static dev.snapotter.control.api.JsonReplies.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a loopback fake that answers like the server's routes (container/server) and records requests. */
class SnapOtterApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private SnapOtterApi api;
    private final Map<String, String> lastAuth = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> lastBody = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        api = SnapOtterApi.local(server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String key = ex.getRequestMethod() + " " + ex.getRequestURI().getPath();
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth != null) lastAuth.put(key, auth);
        byte[] in = ex.getRequestBody().readAllBytes();
        if (in.length > 0) lastBody.put(key, JSON.readTree(in));
        switch (key) {
            case "GET /api/v1/health" -> reply(ex, 503, "{\"status\":\"unhealthy\",\"version\":\"1.2.3\"}");
            case "POST /api/auth/login" -> {
                if ("right".equals(lastBody.get(key).path("password").asText())) {
                    reply(ex, 200, "{\"token\":\"sess-1\",\"user\":{\"username\":\"admin\",\"mustChangePassword\":true},"
                            + "\"expiresAt\":\"2026-12-01T00:00:00Z\"}");
                } else {
                    reply(ex, 401, "{\"error\":\"Invalid credentials\",\"code\":\"INVALID_CREDENTIALS\"}");
                }
            }
            case "POST /api/auth/change-password" -> reply(ex, 200, "{\"ok\":true}");
            case "POST /api/v1/api-keys" -> reply(ex, 201, "{\"id\":\"k1\",\"name\":\"SnapOtter Desktop\",\"key\":\"so_secret\"}");
            case "GET /api/v1/tools" -> reply(ex, 200, "{\"tools\":[{\"id\":\"resize\",\"name\":\"Resize\","
                    + "\"category\":\"transform\",\"description\":\"Scale\"}]}");
            case "GET /api/v1/pipeline/list" -> reply(ex, 200, "{\"pipelines\":[{\"id\":\"p1\",\"name\":\"Web\","
                    + "\"description\":null,\"steps\":[{\"toolId\":\"resize\",\"settings\":{}}]}]}");
            case "GET /api/v1/jobs/job-1/progress" -> {
                ex.getResponseHeaders().add("Content-Type", "text/event-stream");
                ex.sendResponseHeaders(200, 0);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
                    out.write("data: {\"progress\":0.5,\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    out.write("data: \"phase\":\"processing\"}\n\n: heartbeat\n\n".getBytes(StandardCharsets.UTF_8));
                    out.write("data: {\"progress\":1.0,\"phase\":\"complete\"}\n\n".getBytes(StandardCharsets.UTF_8));
                }
            }
            default -> reply(ex, 404, "{\"error\":\"Not found\",\"code\":\"NOT_FOUND\"}");
        }
    }


    @Test
    void healthReportsUnhealthyWithoutThrowing() {
        ApiModels.Health h = api.health();
        assertThat(h.healthy()).isFalse();
        assertThat(h.version()).isEqualTo("1.2.3");
    }

    @Test
    void loginChangePasswordAndApiKeyUseTheBearer() {
        ApiModels.Session s = api.login("admin", "right");
        assertThat(s).isEqualTo(new ApiModels.Session("sess-1", "admin", true, "2026-12-01T00:00:00Z"));
        assertThat(lastAuth).doesNotContainKey("POST /api/auth/login");

        SnapOtterApi authed = api.withBearer(s.token());
        authed.changePassword("right", "a-much-better-one");
        assertThat(lastAuth).containsEntry("POST /api/auth/change-password", "Bearer sess-1");
        assertThat(lastBody.get("POST /api/auth/change-password").path("newPassword").asText())
                .isEqualTo("a-much-better-one");

        ApiModels.CreatedApiKey key = authed.createApiKey("SnapOtter Desktop");
        assertThat(key.secret()).isEqualTo("so_secret");
        assertThat(lastBody.get("POST /api/v1/api-keys").path("name").asText()).isEqualTo("SnapOtter Desktop");
    }

    @Test
    void serverErrorsBecomeApiExceptionsWithStatusAndCode() {
        assertThatThrownBy(() -> api.login("admin", "wrong"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("INVALID_CREDENTIALS");
                })
                .hasMessageContaining("Invalid credentials");
    }

    @Test
    void unreachableServerIsAClearError() {
        server.stop(0);
        assertThatThrownBy(() -> api.tools()).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isZero()).hasMessageContaining("Cannot reach the server");
    }

    @Test
    void toolsAndPipelines() {
        assertThat(api.tools()).containsExactly(new ApiModels.ToolSummary("resize", "Resize", "transform", "Scale"));
        List<ApiModels.SavedPipeline> pipelines = api.pipelines();
        assertThat(pipelines).hasSize(1);
        assertThat(pipelines.getFirst().steps().get(0).path("toolId").asText()).isEqualTo("resize");
        assertThat(pipelines.getFirst().description()).isEmpty();
    }

    @Test
    void jobProgressJoinsMultiLineEventsAndSkipsComments() throws Exception {
        List<JsonNode> events = new CopyOnWriteArrayList<>();
        try (ProgressStream stream = api.jobProgress("job-1", events::add)) {
            assertThat(stream.awaitEnd(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(events).hasSize(2);
        assertThat(events.get(0).path("phase").asText()).isEqualTo("processing");
        assertThat(events.get(1).path("phase").asText()).isEqualTo("complete");
        assertThatThrownBy(() -> api.jobProgress("../x", e -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> api.jobProgress("nope", e -> { }))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }
}
