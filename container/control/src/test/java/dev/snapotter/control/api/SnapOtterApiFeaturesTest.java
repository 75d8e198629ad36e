package dev.snapotter.control.api;

import static dev.snapotter.control.api.JsonReplies.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AI-feature calls against a loopback fake that answers like container/server's FeatureRoutes (paths and JSON
 * from docs/api.md) and records what it was sent.
 */
class SnapOtterApiFeaturesTest {

    @TempDir
    Path tmp;

    private HttpServer server;
    private SnapOtterApi api;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final Map<String, String> auth = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> uploadType = new AtomicReference<>();
    private final AtomicReference<byte[]> upload = new AtomicReference<>();
    private final CountDownLatch releaseSlowUpload = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
        api = SnapOtterApi.local(server.getAddress().getPort()).withBearer("si_admin");
    }

    @AfterEach
    void stop() {
        releaseSlowUpload.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        String key = ex.getRequestMethod() + " " + ex.getRequestURI().getPath();
        requests.add(key);
        String a = ex.getRequestHeaders().getFirst("Authorization");
        if (a != null) auth.put(key, a);
        switch (key) {
            case "GET /api/v1/features" -> reply(ex, 200, """
                    {"bundles":[
                      {"id":"background-removal","name":"Background removal","version":"1.4.5","license":"AGPL-3.0",
                       "enablesTools":["remove-background"],"status":"installing","installed":false,"downloadable":true,
                       "downloadBytes":null,"installedBytes":44376799,"diskUsageBytes":0,
                       "jobId":"job-9","progress":{"percent":30,"stage":"downloading"}},
                      {"id":"test-model","name":"Test test-model","version":"1.0.0","license":"MIT",
                       "enablesTools":[],"status":"installed","installed":true,"downloadable":false,
                       "downloadBytes":null,"installedBytes":300013,"diskUsageBytes":300100,"signed":true}],
                     "totalDiskUsageBytes":300100}""");
            case "GET /api/v1/admin/features/disk-usage" -> reply(ex, 403, "{\"error\":\"Forbidden\",\"code\":\"FORBIDDEN\"}");
            case "POST /api/v1/admin/features/background-removal/install" -> {
                ex.getRequestBody().readAllBytes();
                reply(ex, 202, "{\"jobId\":\"job-1\",\"bundleId\":\"background-removal\"}");
            }
            case "POST /api/v1/admin/features/install-file" -> {
                uploadType.set(ex.getRequestHeaders().getFirst("Content-Type"));
                upload.set(ex.getRequestBody().readAllBytes());
                reply(ex, 202, "{\"jobId\":\"job-2\"}");
            }
            case "POST /slow/api/v1/admin/features/install-file" -> {
                try {
                    releaseSlowUpload.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                reply(ex, 202, "{\"jobId\":\"never\"}");
            }
            case "POST /api/v1/admin/features/jobs/job-1/cancel" -> reply(ex, 200, "{\"ok\":true}");
            case "POST /api/v1/admin/features/jobs/job-done/cancel" ->
                    reply(ex, 404, "{\"error\":\"No queued or running install with this job id\",\"code\":\"NOT_FOUND\"}");
            case "DELETE /api/v1/admin/features/test-model" ->
                    reply(ex, 200, "{\"ok\":true,\"diskUsage\":{\"totalBytes\":0,\"bundles\":{}}}");
            case "DELETE /api/v1/admin/features/background-removal" ->
                    reply(ex, 409, "{\"error\":\"AI feature 'background-removal' is being installed\",\"code\":\"CONFLICT\"}");
            case "GET /api/v1/jobs/job-2/progress" -> {
                ex.getResponseHeaders().add("Content-Type", "text/event-stream");
                ex.sendResponseHeaders(200, 0);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(("""
                            : connected

                            data: {"type":"single","jobId":"job-2","phase":"processing","percent":0,"stage":"queued"}

                            data: {"type":"single","jobId":"job-2","phase":"processing","percent":57,"stage":"verifying",
                            data: "bundleId":"test-model","bytesDone":150000,"bytesTotal":300013}

                            : heartbeat

                            data: {"type":"single","jobId":"job-2","phase":"complete","percent":100,"stage":"done","bundleId":"test-model"}

                            data: {"type":"end"}

                            """).getBytes(StandardCharsets.UTF_8));
                }
            }
            default -> reply(ex, 404, "{\"error\":\"Unknown AI feature bundle\",\"code\":\"NOT_FOUND\"}");
        }
    }


    @Test
    void theListingIsReadWithStatusSizesAndTotal() {
        ApiModels.Features f = api.features();
        assertThat(f.totalDiskUsageBytes()).isEqualTo(300_100);
        assertThat(f.bundles()).hasSize(2);
        ApiModels.FeatureBundle br = f.bundles().getFirst();
        assertThat(br).isEqualTo(new ApiModels.FeatureBundle("background-removal", "Background removal", "1.4.5", "AGPL-3.0",
                List.of("remove-background"), "installing", false, true, -1, 44_376_799, 0, false, "job-9"));
        ApiModels.FeatureBundle tm = f.bundles().get(1);
        assertThat(tm.installed()).isTrue();
        assertThat(tm.signed()).isTrue();
        assertThat(tm.diskUsageBytes()).isEqualTo(300_100);
        assertThat(tm.jobId()).isEmpty();
        assertThat(auth).containsEntry("GET /api/v1/features", "Bearer si_admin");
    }

    @Test
    void aMissingPermissionIsAnApiExceptionWithItsStatus() {
        assertThatThrownBy(() -> api.featureDiskUsage()).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(403)).hasMessageContaining("Forbidden");
    }

    @Test
    void aCatalogueInstallReturnsTheJobAndBadIdsNeverLeaveTheClient() {
        assertThat(api.installFeature("background-removal")).isEqualTo("job-1");
        assertThat(auth).containsEntry("POST /api/v1/admin/features/background-removal/install", "Bearer si_admin");
        assertThatThrownBy(() -> api.installFeature("../admin/backup")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> api.installFeature("Upper")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> api.installFeature("unknown-one")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(404));
        assertThat(requests).noneMatch(r -> r.contains(".."));
    }

    @Test
    void aBundleFileIsUploadedAsTheMultipartFieldFileWithItsBytesUnchanged() throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(content);
        Path bundle = Files.write(tmp.resolve("test-model.snapotter-bundle.tar.gz"), content);

        assertThat(api.installFeatureFile(bundle, () -> false)).isEqualTo("job-2");

        assertThat(uploadType.get()).startsWith("multipart/form-data; boundary=");
        String boundary = uploadType.get().substring(uploadType.get().indexOf("boundary=") + 9);
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"test-model.snapotter-bundle.tar.gz\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        byte[] body = upload.get();
        assertThat(body.length).isEqualTo(head.length() + content.length + tail.length());
        assertThat(new String(body, 0, head.length(), StandardCharsets.ISO_8859_1)).isEqualTo(head);
        assertThat(java.util.Arrays.copyOfRange(body, head.length(), head.length() + content.length)).isEqualTo(content);
        assertThat(new String(body, body.length - tail.length(), tail.length(), StandardCharsets.ISO_8859_1)).isEqualTo(tail);

        assertThatThrownBy(() -> api.installFeatureFile(tmp.resolve("missing.snapotter-bundle.tar.gz"), () -> false))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("NO_FILE"));
    }

    @Test
    void cancellingAbortsAnUploadTheServerHasNotAnswered() throws Exception {
        SnapOtterApi slow = new SnapOtterApi(java.net.URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/slow"),
                java.net.http.HttpClient.newHttpClient(), java.util.Optional.of("k"));
        Path bundle = Files.write(tmp.resolve("b.snapotter-bundle.tar.gz"), new byte[] {1, 2, 3});
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        long start = System.nanoTime();
        assertThatThrownBy(() -> slow.installFeatureFile(bundle, () -> System.nanoTime() > deadline))
                .isInstanceOf(CancellationException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void cancelAndUninstallTellNotFoundApartFromRealErrors() {
        assertThat(api.cancelFeatureInstall("job-1")).isTrue();
        assertThat(api.cancelFeatureInstall("job-done")).isFalse();
        assertThatThrownBy(() -> api.cancelFeatureInstall("../x")).isInstanceOf(IllegalArgumentException.class);

        assertThat(api.uninstallFeature("test-model")).contains(new ApiModels.DiskUsage(0, Map.of()));
        assertThat(api.uninstallFeature("not-installed")).isEmpty();
        assertThatThrownBy(() -> api.uninstallFeature("background-removal")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.code()).isEqualTo("CONFLICT");
        });
        assertThat(requests).contains("DELETE /api/v1/admin/features/test-model");
    }

    @Test
    void installProgressIsParsedFromTheEventStreamUpToItsEnd() throws Exception {
        List<ApiModels.FeatureProgress> events = new CopyOnWriteArrayList<>();
        try (ProgressStream stream = api.featureInstallProgress("job-2", events::add)) {
            stream.whenEnded().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        assertThat(events).extracting(ApiModels.FeatureProgress::stage).containsExactly("queued", "verifying", "done");
        ApiModels.FeatureProgress verifying = events.get(1);
        assertThat(verifying).isEqualTo(new ApiModels.FeatureProgress("job-2", "processing", "verifying", 57, "test-model",
                150_000, 300_013, ""));
        assertThat(verifying.terminal()).isFalse();
        assertThat(events.getLast().terminal()).isTrue();
        assertThat(events.getLast().cancelled()).isFalse();
        assertThatThrownBy(() -> api.featureInstallProgress("nope", e -> { }))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }
}
