package dev.snapotter.control.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A small client for the SnapOtter server's REST API (java.net.http): health, login, password change, the
 * desktop's own API key, tools, saved pipelines and job progress (SSE). Credentials travel only as
 * {@code Authorization: Bearer}; the client never logs them.
 */
public final class SnapOtterApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;
    private final Optional<String> bearer;

    public SnapOtterApi(URI base, HttpClient http, Optional<String> bearer) {
        this.base = URI.create(Objects.requireNonNull(base).toString().replaceAll("/+$", "") + "/");
        this.http = http;
        this.bearer = bearer;
    }

    /** A client for {@code http://127.0.0.1:<port>} (the local container). */
    public static SnapOtterApi local(int port) {
        return new SnapOtterApi(URI.create("http://127.0.0.1:" + port), HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build(),
                Optional.empty());
    }

    /** The same server with a session token or API key. */
    public SnapOtterApi withBearer(String tokenOrKey) {
        return new SnapOtterApi(base, http, Optional.of(tokenOrKey));
    }

    public ApiModels.Health health() {
        JsonNode body = send(request("api/v1/health").GET(), true);
        return new ApiModels.Health(body.path("status").asText("unknown"), body.path("version").asText(""));
    }

    public ApiModels.Session login(String username, String password) {
        ObjectNode in = JSON.createObjectNode().put("username", username).put("password", password);
        JsonNode out = send(post("api/auth/login", in), false);
        JsonNode user = out.path("user");
        return new ApiModels.Session(out.path("token").asText(), user.path("username").asText(username),
                user.path("mustChangePassword").asBoolean(false), out.path("expiresAt").asText(""));
    }

    public void changePassword(String currentPassword, String newPassword) {
        send(post("api/auth/change-password", JSON.createObjectNode()
                .put("currentPassword", currentPassword).put("newPassword", newPassword)), false);
    }

    public ApiModels.CreatedApiKey createApiKey(String name) {
        JsonNode out = send(post("api/v1/api-keys", JSON.createObjectNode().put("name", name)), false);
        String secret = out.path("key").asText("");
        if (secret.isEmpty()) throw new ApiException(201, "NO_KEY", "The server created a key but returned no secret");
        return new ApiModels.CreatedApiKey(out.path("id").asText(), out.path("name").asText(name), secret);
    }

    public List<ApiModels.ToolSummary> tools() {
        List<ApiModels.ToolSummary> tools = new ArrayList<>();
        for (JsonNode t : send(request("api/v1/tools").GET(), false).path("tools")) {
            tools.add(new ApiModels.ToolSummary(t.path("id").asText(), t.path("name").asText(),
                    t.path("category").asText(), t.path("description").asText()));
        }
        return tools;
    }

    public List<ApiModels.SavedPipeline> pipelines() {
        List<ApiModels.SavedPipeline> out = new ArrayList<>();
        for (JsonNode p : send(request("api/v1/pipeline/list").GET(), false).path("pipelines")) {
            out.add(new ApiModels.SavedPipeline(p.path("id").asText(), p.path("name").asText(),
                    p.path("description").asText(""), p.path("steps")));
        }
        return out;
    }

    /** Opens {@code GET /api/v1/jobs/{id}/progress}; every {@code data:} event reaches {@code sink}. */
    public ProgressStream jobProgress(String jobId, Consumer<JsonNode> sink) {
        if (!jobId.matches("[A-Za-z0-9_-]{1,100}")) throw new IllegalArgumentException("Bad job id: " + jobId);
        HttpRequest req = request("api/v1/jobs/" + jobId + "/progress").header("Accept", "text/event-stream")
                .timeout(Duration.ofDays(1)).GET().build();
        try {
            HttpResponse<InputStream> res = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
            if (res.statusCode() != 200) {
                byte[] body;
                try (InputStream in = res.body()) {
                    body = in.readNBytes(64 * 1024);
                }
                throw error(res.statusCode(), body);
            }
            return ProgressStream.start(res.body(), sink, JSON);
        } catch (IOException e) {
            throw new ApiException("Cannot reach the server at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("Interrupted", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        bearer.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        return b;
    }

    private HttpRequest.Builder post(String path, JsonNode body) {
        try {
            return request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param anyStatusHasBody health answers 503 with a normal body */
    private JsonNode send(HttpRequest.Builder req, boolean anyStatusHasBody) {
        try {
            HttpResponse<byte[]> res = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            int status = res.statusCode();
            if ((status < 200 || status >= 300) && !(anyStatusHasBody && status == 503)) throw error(status, res.body());
            return res.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(res.body());
        } catch (IOException e) {
            throw new ApiException("Cannot reach the server at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("Interrupted", e);
        }
    }

    private static ApiException error(int status, byte[] body) {
        try {
            JsonNode n = JSON.readTree(body);
            return new ApiException(status, n.path("code").asText(""), n.path("error").asText("Request failed"));
        } catch (IOException | RuntimeException notJson) {
            return new ApiException(status, "", "Request failed");
        }
    }
}
