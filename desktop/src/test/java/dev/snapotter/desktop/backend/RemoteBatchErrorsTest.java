package dev.snapotter.desktop.backend;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.snapotter.control.api.SnapOtterApi;
import dev.snapotter.engine.batch.BatchListener;
import dev.snapotter.engine.batch.BatchResult;
import dev.snapotter.engine.batch.CancellationToken;
import dev.snapotter.engine.batch.ConflictPolicy;
import dev.snapotter.engine.batch.FileOutcome;
import dev.snapotter.engine.pipeline.Pipeline;
import dev.snapotter.engine.pipeline.PipelineStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers a real server gives only under load or with missing features (429 + Retry-After, 503, 501
 * FEATURE_NOT_INSTALLED), scripted on a loopback HTTP server; the happy path and 401/413 run against the real
 * server in {@link ServerBackendOnRealServerTest}.
 */
class RemoteBatchErrorsTest {

    @TempDir
    Path tmp;

    private HttpServer http;
    private final Deque<int[]> script = new ArrayDeque<>();
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/api/v1/pipeline/execute", this::execute);
        http.createContext("/api/v1/download/", ex -> reply(ex, 200, "image/png", "PNGDATA", Map.of()));
        http.start();
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    /** Each scripted entry: {status, retryAfterSeconds or -1}. An empty script answers 200. */
    private void execute(HttpExchange ex) throws IOException {
        ex.getRequestBody().readAllBytes();
        int[] next = script.isEmpty() ? new int[] {200, -1} : script.poll();
        Map<String, String> headers = next[1] >= 0 ? Map.of("Retry-After", Integer.toString(next[1])) : Map.of();
        switch (next[0]) {
            case 200 -> reply(ex, 200, "application/json", "{\"jobId\":\"j1\",\"downloadUrl\":\"/api/v1/download/j1/a_processed.png\","
                    + "\"filename\":\"a_processed.png\",\"processedSize\":7}", headers);
            case 501 -> reply(ex, 501, "application/json", "{\"error\":\"Background removal is not installed\","
                    + "\"code\":\"FEATURE_NOT_INSTALLED\"}", headers);
            default -> reply(ex, next[0], "application/json", "{\"error\":\"Slow down\",\"code\":\"RATE_LIMITED\"}", headers);
        }
    }

    private static void reply(HttpExchange ex, int status, String type, String body, Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private BatchResult run(Path... inputs) {
        RemoteBatch batch = new RemoteBatch(SnapOtterApi.local(http.getAddress().getPort()).withBearer("si_test"),
                "the test server", (d, cancel) -> waits.add(d));
        Pipeline p = new Pipeline(List.of(new PipelineStep("resize", Map.of("width", 10))));
        return batch.run(new BatchJob(List.of(inputs), p, tmp.resolve("out"), "", ConflictPolicy.RENAME),
                BatchListener.NONE, new CancellationToken());
    }

    private Path input(String name) throws IOException {
        return Files.writeString(tmp.resolve(name), "input");
    }

    @Test
    void aRateLimitIsWaitedOutForAsLongAsTheServerSays() throws Exception {
        script.add(new int[] {429, 7});
        script.add(new int[] {503, 3});
        BatchResult r = run(input("a.png"));
        assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(3));
        assertThat(r.outcomes().getFirst().status()).isEqualTo(FileOutcome.Status.DONE);
        assertThat(Files.readString(tmp.resolve("out").resolve("a.png"))).isEqualTo("PNGDATA");
    }

    @Test
    void aRateLimitThatNeverEndsFailsTheFileNotTheRun() throws Exception {
        for (int i = 0; i < 4; i++) script.add(new int[] {429, 1});
        BatchResult r = run(input("a.png"), input("b.png"));
        assertThat(r.outcomes().get(0).status()).isEqualTo(FileOutcome.Status.FAILED);
        assertThat(r.outcomes().get(0).error()).contains("rate limit");
        assertThat(r.outcomes().get(1).status()).isEqualTo(FileOutcome.Status.DONE);
        assertThat(waits).hasSize(3);
    }

    @Test
    void aWaitLongerThanTwoMinutesIsNotAttempted() throws Exception {
        script.add(new int[] {429, 3600});
        BatchResult r = run(input("a.png"));
        assertThat(waits).isEmpty();
        assertThat(r.outcomes().getFirst().error()).contains("rate limit");
    }

    @Test
    void aMissingServerFeatureIsExplained() throws Exception {
        script.add(new int[] {501, -1});
        BatchResult r = run(input("a.png"));
        assertThat(r.outcomes().getFirst().error()).isEqualTo("The server lacks a feature this pipeline needs"
                + " (Background removal is not installed). An administrator can install it.");
    }
}
