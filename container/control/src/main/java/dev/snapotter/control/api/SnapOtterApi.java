package dev.snapotter.control.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A small client for the SnapOtter server's REST API (java.net.http): health, login, password change, the
 * desktop's own API key, tools, saved pipelines, job progress (SSE) and AI feature bundles (list, install from the
 * catalogue or a streamed file upload, cancel, uninstall, disk usage). Credentials travel only as
 * {@code Authorization: Bearer}; the client never logs them.
 */
public final class SnapOtterApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Until the answer's headers arrive; the server ends its own work after PROCESSING_TIMEOUT_S (300 s). */
    private static final Duration PROCESSING_TIMEOUT = Duration.ofMinutes(15);

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

    /** A client for any server address (remote servers; TLS checked by the JDK's trust store). */
    public static SnapOtterApi of(URI base) {
        return new SnapOtterApi(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build(), Optional.empty());
    }

    public URI base() {
        return base;
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

    /** {@code GET /api/v1/config/auth}: public; false when the server runs with AUTH_ENABLED=false. */
    public boolean authEnabled() {
        return send(request("api/v1/config/auth").GET(), false).path("authEnabled").asBoolean(true);
    }

    /** {@code GET /api/v1/pipeline/tools}: the ids this server accepts in a pipeline (disabled tools left out). */
    public List<String> pipelineToolIds() {
        List<String> ids = new ArrayList<>();
        for (JsonNode id : send(request("api/v1/pipeline/tools").GET(), false).path("toolIds")) ids.add(id.asText());
        return ids;
    }

    /**
     * {@code POST /api/v1/pipeline/execute}: uploads one file (streamed from disk) with a pipeline in SnapOtter's
     * {@code {"steps":[…]}} format and waits for the result. {@code clientJobId} lets a caller follow
     * {@link #jobProgress}. When {@code cancelled} turns true the exchange is aborted and
     * {@link java.util.concurrent.CancellationException} is thrown.
     */
    public ApiModels.ProcessedFile executePipeline(Path file, String pipelineJson, String clientJobId,
                                                   BooleanSupplier cancelled) {
        MultipartBody form = new MultipartBody().field("pipeline", pipelineJson).field("clientJobId", clientJobId);
        try {
            form.file("file", file);
        } catch (FileNotFoundException e) {
            throw new ApiException(0, "NO_FILE", "Cannot read " + file + ": " + e.getMessage());
        }
        HttpRequest req = request("api/v1/pipeline/execute").timeout(PROCESSING_TIMEOUT)
                .header("Content-Type", form.contentType()).POST(form.publisher()).build();
        HttpResponse<byte[]> res = await(req, HttpResponse.BodyHandlers.ofByteArray(), cancelled);
        if (res.statusCode() != 200) throw error(res.statusCode(), res.body(), res.headers());
        try {
            JsonNode out = JSON.readTree(res.body());
            return new ApiModels.ProcessedFile(out.path("jobId").asText(), out.path("downloadUrl").asText(),
                    out.path("filename").asText(), out.path("processedSize").asLong(-1));
        } catch (IOException e) {
            throw new ApiException(res.statusCode(), "BAD_RESPONSE", "The server's answer was not JSON");
        }
    }

    /**
     * Streams a result ({@code downloadUrl} from {@link #executePipeline}) into {@code out}. Only the server's own
     * download path is accepted, so a hostile answer cannot send the client elsewhere.
     */
    public void download(String downloadUrl, OutputStream out, BooleanSupplier cancelled) throws IOException {
        if (!downloadUrl.startsWith("/api/v1/download/") || downloadUrl.contains("..") || downloadUrl.contains("//")) {
            throw new ApiException(0, "BAD_RESPONSE", "The server returned an unexpected download address");
        }
        HttpRequest req = request(downloadUrl.substring(1)).timeout(PROCESSING_TIMEOUT)
                .header("Accept", "*/*").GET().build();
        HttpResponse<InputStream> res = await(req, HttpResponse.BodyHandlers.ofInputStream(), cancelled);
        try (InputStream in = res.body()) {
            if (res.statusCode() != 200) throw error(res.statusCode(), in.readNBytes(64 * 1024), res.headers());
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (cancelled.getAsBoolean()) throw new CancellationException("Download cancelled");
                out.write(buffer, 0, n);
            }
        }
    }

    /** Sends asynchronously and polls {@code cancelled}, so a cancel aborts an upload or a long wait at once. */
    private <T> HttpResponse<T> await(HttpRequest req, HttpResponse.BodyHandler<T> handler, BooleanSupplier cancelled) {
        CompletableFuture<HttpResponse<T>> future = http.sendAsync(req, handler);
        try {
            while (true) {
                if (cancelled.getAsBoolean()) {
                    future.cancel(true);
                    throw new CancellationException("Cancelled");
                }
                try {
                    return future.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillRunning) {
                    // poll the cancel flag again
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ApiException("Cannot reach the server at " + base + ": " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted");
        }
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
                throw error(res.statusCode(), body, res.headers());
            }
            return ProgressStream.start(res.body(), sink, JSON);
        } catch (IOException e) {
            throw new ApiException("Cannot reach the server at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("Interrupted", e);
        }
    }

    // --- AI feature bundles (docs/api.md "AI feature bundles"; admin calls need features:manage) ---

    /** Bundle ids as the server accepts them in a path ({@code BundleManifest.ID}). */
    private static final java.util.regex.Pattern BUNDLE_ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    /** An uploaded bundle can be hundreds of MB over a slow link; the server answers once it is stored. */
    private static final Duration UPLOAD_TIMEOUT = Duration.ofHours(2);

    /** {@code GET /api/v1/features}: every bundle the server knows, installed or not, and the disk they use. */
    public ApiModels.Features features() {
        JsonNode body = send(request("api/v1/features").GET(), false);
        List<ApiModels.FeatureBundle> out = new ArrayList<>();
        for (JsonNode b : body.path("bundles")) {
            List<String> tools = new ArrayList<>();
            for (JsonNode t : b.path("enablesTools")) tools.add(t.asText());
            out.add(new ApiModels.FeatureBundle(b.path("id").asText(), b.path("name").asText(b.path("id").asText()),
                    b.path("version").asText(""), b.path("license").asText(""), List.copyOf(tools),
                    b.path("status").asText(""), b.path("installed").asBoolean(false), b.path("downloadable").asBoolean(false),
                    b.path("downloadBytes").isNumber() ? b.path("downloadBytes").asLong() : -1,
                    b.path("installedBytes").asLong(0), b.path("diskUsageBytes").asLong(0), b.path("signed").asBoolean(false),
                    b.path("jobId").asText("")));
        }
        return new ApiModels.Features(List.copyOf(out), body.path("totalDiskUsageBytes").asLong(0));
    }

    /** {@code GET /api/v1/admin/features/disk-usage}. */
    public ApiModels.DiskUsage featureDiskUsage() {
        return diskUsage(send(request("api/v1/admin/features/disk-usage").GET(), false));
    }

    /** {@code POST /api/v1/admin/features/{id}/install}: the server downloads it from its catalogue; returns the job id. */
    public String installFeature(String bundleId) {
        JsonNode out = send(request("api/v1/admin/features/" + bundleId(bundleId) + "/install")
                .POST(HttpRequest.BodyPublishers.noBody()), false);
        return jobIdOf(out);
    }

    /**
     * {@code POST /api/v1/admin/features/install-file}: uploads a bundle file as multipart field {@code file},
     * streamed from disk (never read into memory), and returns the install's job id. When {@code cancelled} turns
     * true the upload is aborted and {@link CancellationException} is thrown.
     */
    public String installFeatureFile(Path bundle, BooleanSupplier cancelled) {
        MultipartBody form = new MultipartBody();
        try {
            form.file("file", bundle);
        } catch (FileNotFoundException e) {
            throw new ApiException(0, "NO_FILE", "Cannot read " + bundle + ": " + e.getMessage());
        }
        HttpRequest req = request("api/v1/admin/features/install-file").timeout(UPLOAD_TIMEOUT)
                .header("Content-Type", form.contentType()).POST(form.publisher()).build();
        HttpResponse<byte[]> res = await(req, HttpResponse.BodyHandlers.ofByteArray(), cancelled);
        if (res.statusCode() < 200 || res.statusCode() >= 300) throw error(res.statusCode(), res.body(), res.headers());
        try {
            return jobIdOf(JSON.readTree(res.body()));
        } catch (IOException e) {
            throw new ApiException(res.statusCode(), "BAD_RESPONSE", "The server's answer was not JSON");
        }
    }

    /** {@code POST /api/v1/admin/features/jobs/{jobId}/cancel}; false when no such install is queued or running. */
    public boolean cancelFeatureInstall(String jobId) {
        try {
            send(request("api/v1/admin/features/jobs/" + jobId(jobId) + "/cancel").POST(HttpRequest.BodyPublishers.noBody()), false);
            return true;
        } catch (ApiException e) {
            if (e.status() == 404) return false;
            throw e;
        }
    }

    /**
     * {@code DELETE /api/v1/admin/features/{id}}: removes every byte of the bundle; returns the disk usage after it,
     * or empty when it was not installed (404).
     */
    public Optional<ApiModels.DiskUsage> uninstallFeature(String bundleId) {
        try {
            return Optional.of(diskUsage(send(request("api/v1/admin/features/" + bundleId(bundleId)).DELETE(), false).path("diskUsage")));
        } catch (ApiException e) {
            if (e.status() == 404) return Optional.empty();
            throw e;
        }
    }

    /**
     * Follows an install's progress ({@code GET /api/v1/jobs/{jobId}/progress}, server-sent events); events that are
     * not about this job (the stream's end marker) are skipped. The server closes the stream after the terminal event.
     */
    public ProgressStream featureInstallProgress(String jobId, Consumer<ApiModels.FeatureProgress> sink) {
        return jobProgress(jobId(jobId), n -> {
            if (!n.has("phase")) return;
            sink.accept(new ApiModels.FeatureProgress(n.path("jobId").asText(jobId), n.path("phase").asText(),
                    n.path("stage").asText(""), n.path("percent").asInt(0), n.path("bundleId").asText(""),
                    n.path("bytesDone").asLong(0), n.path("bytesTotal").asLong(0), n.path("error").asText("")));
        });
    }

    private static String bundleId(String id) {
        if (id == null || !BUNDLE_ID.matcher(id).matches()) throw new IllegalArgumentException("Bad bundle id: " + id);
        return id;
    }

    private static String jobId(String id) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,100}")) throw new IllegalArgumentException("Bad job id: " + id);
        return id;
    }

    private static String jobIdOf(JsonNode out) {
        String id = out.path("jobId").asText("");
        if (!id.matches("[A-Za-z0-9_-]{1,100}")) throw new ApiException(202, "BAD_RESPONSE", "The server started an install but returned no usable job id");
        return id;
    }

    private static ApiModels.DiskUsage diskUsage(JsonNode n) {
        java.util.Map<String, Long> per = new java.util.LinkedHashMap<>();
        n.path("bundles").properties().forEach(e -> per.put(e.getKey(), e.getValue().asLong()));
        return new ApiModels.DiskUsage(n.path("totalBytes").asLong(0), java.util.Collections.unmodifiableMap(per));
    }

    /**
     * {@code POST /api/v1/admin/backup} (issue 7): the server writes an app-consistent archive and streams it into
     * {@code out} as it goes. The passphrase travels in the JSON body (never the URL); the caller writes {@code out}
     * to a temporary file and renames it only when this returned (a cut-off stream throws).
     */
    public void downloadBackup(dev.snapotter.backup.BackupOptions options, OutputStream out) {
        ObjectNode in = JSON.createObjectNode().put("includeModels", options.includeModels());
        if (options.encrypted()) in.put("passphrase", new String(options.passphrase()));
        HttpRequest req = post("api/v1/admin/backup", in).timeout(Duration.ofHours(6))
                .setHeader("Accept", "application/octet-stream, application/json").build();
        try {
            HttpResponse<InputStream> res = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = res.body()) {
                if (res.statusCode() != 200) throw error(res.statusCode(), body.readNBytes(64 * 1024), res.headers());
                body.transferTo(out);
            }
        } catch (IOException e) {
            throw new ApiException("The backup download from " + base + " broke off: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("Interrupted", e);
        }
    }

    /** A GET of any JSON endpoint (admin checks after a restore: users, pipelines, audit log). */
    public JsonNode getJson(String path) {
        return send(request(path.replaceFirst("^/+", "")).GET(), false);
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
            if ((status < 200 || status >= 300) && !(anyStatusHasBody && status == 503)) {
                throw error(status, res.body(), res.headers());
            }
            return res.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(res.body());
        } catch (IOException e) {
            throw new ApiException("Cannot reach the server at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("Interrupted", e);
        }
    }

    private static ApiException error(int status, byte[] body, HttpHeaders headers) {
        Optional<Duration> retry = headers.firstValue("Retry-After").filter(v -> v.matches("\\d{1,6}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v)));
        try {
            JsonNode n = JSON.readTree(body);
            return new ApiException(status, n.path("code").asText(""), n.path("error").asText("Request failed"), retry);
        } catch (IOException | RuntimeException notJson) {
            return new ApiException(status, "", "Request failed", retry);
        }
    }
}
