package dev.snapotter.desktop.backend;

import dev.snapotter.control.api.ApiKeyStore;
import dev.snapotter.control.api.ApiModels;
import dev.snapotter.control.api.SnapOtterApi;
import dev.snapotter.desktop.support.RealServer;
import dev.snapotter.engine.ImageEngine;
import dev.snapotter.engine.batch.BatchListener;
import dev.snapotter.engine.batch.BatchResult;
import dev.snapotter.engine.batch.CancellationToken;
import dev.snapotter.engine.batch.ConflictPolicy;
import dev.snapotter.engine.batch.FileOutcome;
import dev.snapotter.engine.pipeline.Pipeline;
import dev.snapotter.engine.pipeline.PipelineStep;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ServerBackend} against the REAL server (shaded jar as a child process on loopback, temp DATA_DIR):
 * tools from the server, a batch uploaded and downloaded with the user's names and conflict policy, per-file
 * errors, cancel, a revoked key ending the run, and a refused key at connect time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerBackendOnRealServerTest {

    private static final ImageEngine ENGINE = ImageEngine.createDefault();

    @TempDir
    static Path tmp;

    private RealServer server;
    private ApiModels.CreatedApiKey key;
    private SnapOtterApi admin;

    @BeforeAll
    void startServer() throws Exception {
        server = RealServer.start(Files.createDirectories(tmp.resolve("server")), Map.of(
                "DEFAULT_PASSWORD", "Adm1nPassword", "SKIP_MUST_CHANGE_PASSWORD", "true",
                "RATE_LIMIT_PER_MIN", "0", "CONCURRENT_JOBS", "1", "MAX_UPLOAD_SIZE_MB", "1"));
        admin = server.api().withBearer(server.api().login("admin", "Adm1nPassword").token());
        key = admin.createApiKey("desktop test");
    }

    @AfterAll
    void stopServer() {
        if (server != null) server.close();
    }

    private ServerBackend backend(String apiKey) throws Exception {
        ApiKeyStore store = new ApiKeyStore(Files.createTempDirectory(tmp, "keys").resolve("key"));
        store.save(apiKey);
        return new ServerBackend(BackendKind.REMOTE_SERVER,
                new RemoteServerConnector(server::url, () -> false, store), new LocalEngineBackend(ENGINE));
    }

    private static Path png(Path dir, String name, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, (x * 255 / w) << 16 | (y * 255 / h) << 8);
        Path p = dir.resolve(name);
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    private static Pipeline resize(int width) {
        return new Pipeline(List.of(new PipelineStep("resize", Map.of("width", width))));
    }

    @Test
    void toolsComeFromTheServerAndABatchIsWrittenWithTheUsersNames() throws Exception {
        ServerBackend backend = backend(key.secret());
        assertThat(backend.refresh()).as(server.log()).isEmpty();
        assertThat(backend.pipelineTools()).extracting(t -> t.id()).contains("resize").doesNotContain("info");

        Path in = Files.createDirectories(tmp.resolve("in1"));
        Path a = png(in, "a.png", 200, 100);
        Path b = png(in, "b.png", 120, 60);
        Path broken = Files.writeString(in.resolve("broken.png"), "not a picture");
        Path out = tmp.resolve("out1");
        List<String> events = new ArrayList<>();
        BatchListener listener = new BatchListener() {
            @Override
            public void fileStarted(Path input) {
                events.add("start " + input.getFileName());
            }

            @Override
            public void fileFinished(FileOutcome o, int completed, int total) {
                events.add("done " + o.input().getFileName() + " " + completed + "/" + total);
            }
        };
        BatchResult r = backend.runBatch(new BatchJob(List.of(a, broken, b), resize(50), out, "{name}_small.{ext}",
                ConflictPolicy.RENAME), listener, new CancellationToken());

        assertThat(r.outcomes()).extracting(FileOutcome::status)
                .containsExactly(FileOutcome.Status.DONE, FileOutcome.Status.FAILED, FileOutcome.Status.DONE);
        assertThat(r.outcomes().get(1).error()).contains("could not process");
        assertThat(ImageIO.read(out.resolve("a_small.png").toFile()).getWidth()).isEqualTo(50);
        assertThat(ImageIO.read(out.resolve("b_small.png").toFile()).getHeight()).isEqualTo(25);
        assertThat(events).containsExactly("start a.png", "done a.png 1/3", "start broken.png", "done broken.png 2/3",
                "start b.png", "done b.png 3/3");

        // Same batch again: RENAME writes "a_small (1).png"; SKIP leaves the existing files alone.
        BatchResult renamed = backend.runBatch(new BatchJob(List.of(a), resize(40), out, "{name}_small.{ext}",
                ConflictPolicy.RENAME), BatchListener.NONE, new CancellationToken());
        assertThat(renamed.outcomes().getFirst().output()).isEqualTo(out.resolve("a_small (1).png"));
        BatchResult skipped = backend.runBatch(new BatchJob(List.of(a), resize(40), out, "{name}_small.{ext}",
                ConflictPolicy.SKIP), BatchListener.NONE, new CancellationToken());
        assertThat(skipped.outcomes().getFirst().status()).isEqualTo(FileOutcome.Status.SKIPPED);
        assertThat(ImageIO.read(out.resolve("a_small.png").toFile()).getWidth()).isEqualTo(50);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void anUploadOverTheServersLimitFailsThatFileWithAPlainReason() throws Exception {
        ServerBackend backend = backend(key.secret());
        backend.refresh();
        Path in = Files.createDirectories(tmp.resolve("in2"));
        Path big = in.resolve("big.png");
        byte[] noise = new byte[3 << 20];
        new java.util.Random(1).nextBytes(noise);
        Files.write(big, noise);
        Path small = png(in, "small.png", 80, 80);
        BatchResult r = backend.runBatch(new BatchJob(List.of(big, small), resize(20), tmp.resolve("out2"), "",
                ConflictPolicy.RENAME), BatchListener.NONE, new CancellationToken());
        assertThat(r.outcomes().get(0).status()).isEqualTo(FileOutcome.Status.FAILED);
        assertThat(r.outcomes().get(0).error()).contains("upload limit");
        assertThat(r.outcomes().get(1).status()).isEqualTo(FileOutcome.Status.DONE);
    }

    @Test
    void cancellingMidBatchStopsTheRestAndLeavesNoPartialFile() throws Exception {
        ServerBackend backend = backend(key.secret());
        backend.refresh();
        Path in = Files.createDirectories(tmp.resolve("in3"));
        List<Path> inputs = List.of(png(in, "1.png", 60, 60), png(in, "2.png", 60, 60), png(in, "3.png", 60, 60));
        CancellationToken cancel = new CancellationToken();
        BatchListener cancelAfterFirst = new BatchListener() {
            @Override
            public void fileFinished(FileOutcome o, int completed, int total) {
                cancel.cancel();
            }
        };
        Path out = tmp.resolve("out3");
        BatchResult r = backend.runBatch(new BatchJob(inputs, resize(30), out, "", ConflictPolicy.RENAME),
                cancelAfterFirst, cancel);
        assertThat(r.cancelled()).isTrue();
        assertThat(r.outcomes()).extracting(FileOutcome::status).containsExactly(FileOutcome.Status.DONE,
                FileOutcome.Status.CANCELLED, FileOutcome.Status.CANCELLED);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("1.png");
        }
    }

    @Test
    void aRevokedKeyEndsTheRunAndMakesTheBackendAskForANewOne() throws Exception {
        ApiModels.CreatedApiKey doomed = admin.createApiKey("to revoke");
        ServerBackend backend = backend(doomed.secret());
        assertThat(backend.refresh()).isEmpty();
        HttpResponse<String> deleted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.url() + "/api/v1/api-keys/" + doomed.id()))
                .header("Authorization", "Bearer " + key.secret()).timeout(Duration.ofSeconds(10)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);

        Path in = Files.createDirectories(tmp.resolve("in4"));
        BatchJob job = new BatchJob(List.of(png(in, "x.png", 40, 40)), resize(20), tmp.resolve("out4"), "",
                ConflictPolicy.RENAME);
        assertThatThrownBy(() -> backend.runBatch(job, BatchListener.NONE, new CancellationToken()))
                .isInstanceOf(ServerAuthException.class).hasMessageContaining("refused the API key");
        assertThat(backend.unavailableReason()).get().asString().contains("refused the API key");
    }

    @Test
    void aWrongKeyIsRefusedAtConnectTimeWithAReason() throws Exception {
        ServerBackend backend = backend("si_not-a-real-key");
        assertThat(backend.refresh()).get().asString().contains("refused the API key");
        assertThat(backend.validate(resize(10))).extracting(e -> e.path()).containsExactly("backend");
    }

    @Test
    void theSelectorConnectsWhenTheRemoteServerIsChosenAndStoresTheTypedKey() throws Exception {
        ApiKeyStore store = new ApiKeyStore(tmp.resolve("selector").resolve("remote-api-key"));
        java.util.concurrent.atomic.AtomicReference<BackendSelectorViewModel> ref = new java.util.concurrent.atomic.AtomicReference<>();
        LocalEngineBackend local = new LocalEngineBackend(ENGINE);
        ServerBackend remote = new ServerBackend(BackendKind.REMOTE_SERVER, new RemoteServerConnector(
                () -> ref.get().remoteUrlProperty().get(), () -> false, store), local);
        BackendSelectorViewModel selector = new BackendSelectorViewModel(List.of(local, remote),
                new dev.snapotter.desktop.task.DirectTaskExecutor((n, e) -> { throw new AssertionError(n, e); }),
                java.util.Optional.of(store));
        ref.set(selector);

        selector.selectedProperty().set(BackendKind.REMOTE_SERVER);
        assertThat(selector.availableProperty().get()).isFalse();
        assertThat(selector.statusProperty().get()).contains("enter the server's address");

        selector.remoteUrlProperty().set(server.url());
        selector.apiKeyProperty().set(key.secret());
        selector.connectRemote();
        assertThat(selector.statusProperty().get()).as(server.log()).isEqualTo("Ready: " + server.url());
        assertThat(selector.availableProperty().get()).isTrue();
        assertThat(selector.apiKeyProperty().get()).as("the typed key leaves memory once stored").isEmpty();
        assertThat(store.load()).contains(key.secret());
        assertThat(java.nio.file.Files.getPosixFilePermissions(store.file()))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aToolTheServerDoesNotOfferIsCaughtBeforeAnyUpload() throws Exception {
        ServerBackend backend = backend(key.secret());
        backend.refresh();
        Pipeline unknown = new Pipeline(List.of(new PipelineStep("no-such-tool", Map.of())));
        assertThat(backend.validate(unknown)).extracting(e -> e.path()).containsExactly("steps[0].toolId");
        assertThatThrownBy(() -> backend.runBatch(new BatchJob(List.of(tmp), unknown, tmp, "", ConflictPolicy.RENAME),
                BatchListener.NONE, new CancellationToken())).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("does not offer no-such-tool");
    }
}
