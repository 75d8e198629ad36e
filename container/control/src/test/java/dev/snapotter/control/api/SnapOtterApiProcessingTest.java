package dev.snapotter.control.api;

import static dev.snapotter.control.api.JsonReplies.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upload, download, Retry-After and cancel of the processing calls, against a loopback stand-in. */
class SnapOtterApiProcessingTest {

    @TempDir
    Path tmp;

    private HttpServer server;
    private SnapOtterApi api;
    private final AtomicReference<String> contentType = new AtomicReference<>();
    private final AtomicReference<byte[]> body = new AtomicReference<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final java.util.concurrent.ExecutorService handlers = java.util.concurrent.Executors.newCachedThreadPool();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/api/v1/pipeline/execute", ex -> {
            contentType.set(ex.getRequestHeaders().getFirst("Content-Type"));
            body.set(ex.getRequestBody().readAllBytes());
            reply(ex, 200, "{\"jobId\":\"j1\",\"downloadUrl\":\"/api/v1/download/j1/a_processed.png\","
                    + "\"filename\":\"a_processed.png\",\"processedSize\":5}");
        });
        server.createContext("/api/v1/download/j1/a_processed.png", ex -> reply(ex, 200, "bytes"));
        server.createContext("/api/v1/pipeline/tools", ex -> {
            ex.getResponseHeaders().add("Retry-After", "42");
            reply(ex, 429, "{\"error\":\"Too many requests\",\"code\":\"RATE_LIMITED\"}");
        });
        server.createContext("/slow/api/v1/pipeline/execute", ex -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(ex, 200, "{}");
        });
        server.start();
        api = SnapOtterApi.local(server.getAddress().getPort()).withBearer("si_key");
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }


    @Test
    void aFileIsUploadedAsMultipartWithThePipelineAndTheResultDownloaded() throws Exception {
        Path file = Files.write(tmp.resolve("a \"quoted\".png"), new byte[] {1, 2, 3, (byte) 0xff});
        ApiModels.ProcessedFile r = api.executePipeline(file, "{\"steps\":[]}", "job-7", () -> false);
        assertThat(r).isEqualTo(new ApiModels.ProcessedFile("j1", "/api/v1/download/j1/a_processed.png", "a_processed.png", 5));
        assertThat(contentType.get()).startsWith("multipart/form-data; boundary=snapotter-");
        String text = new String(body.get(), StandardCharsets.ISO_8859_1);
        assertThat(text).contains("name=\"pipeline\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n{\"steps\":[]}\r\n")
                .contains("name=\"clientJobId\"").contains("job-7")
                .contains("name=\"file\"; filename=\"a %22quoted%22.png\"")
                .contains(new String(new byte[] {1, 2, 3, (byte) 0xff}, StandardCharsets.ISO_8859_1))
                .endsWith("--\r\n");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        api.download(r.downloadUrl(), out, () -> false);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("bytes");
    }

    @Test
    void onlyTheServersOwnDownloadPathIsFollowed() {
        for (String bad : new String[] {"https://elsewhere.example/x", "/api/v1/download/../../etc/passwd", "//evil/x"}) {
            assertThatThrownBy(() -> api.download(bad, new ByteArrayOutputStream(), () -> false))
                    .isInstanceOf(ApiException.class).hasMessageContaining("unexpected download address");
        }
    }

    @Test
    void retryAfterIsReadFromTheAnswer() {
        assertThatThrownBy(() -> api.pipelineToolIds()).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.code()).isEqualTo("RATE_LIMITED");
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(42));
        });
    }

    @Test
    void cancellingAbortsAWaitingUploadAtOnce() throws Exception {
        SnapOtterApi slowBase = new SnapOtterApi(java.net.URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/slow"),
                java.net.http.HttpClient.newHttpClient(), java.util.Optional.of("k"));
        Path file = Files.write(tmp.resolve("b.png"), new byte[] {9});
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        long start = System.nanoTime();
        assertThatThrownBy(() -> slowBase.executePipeline(file, "{}", "j", () -> System.nanoTime() > deadline))
                .isInstanceOf(CancellationException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
