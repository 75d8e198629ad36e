package dev.snapotter.server;

import dev.snapotter.server.support.Api;
import dev.snapotter.server.support.Multipart;
import dev.snapotter.server.support.Pictures;
import dev.snapotter.server.support.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The runnable artifact as a real process: SIGTERM with work in flight, and fatal startup errors. */
class ServerProcessIT {

    @TempDir
    Path tmp;

    private Map<String, String> env(int grace) {
        Map<String, String> env = new HashMap<>();
        env.put("DATA_DIR", tmp.resolve("data").toString());
        env.put("WORKSPACE_PATH", tmp.resolve("ws").toString());
        env.put("DEFAULT_PASSWORD", "Adm1nPassword");
        env.put("SKIP_MUST_CHANGE_PASSWORD", "true");
        env.put("CONCURRENT_JOBS", "1");
        env.put("SHUTDOWN_GRACE_S", String.valueOf(grace));
        env.put("RATE_LIMIT_PER_MIN", "0");
        return env;
    }

    private static Multipart slowBatch(String jobId, int files) {
        Multipart m = new Multipart().field("clientJobId", jobId).field("settings", "{\"amount\":2.0}");
        byte[] png = Pictures.png(1800, 1800);
        for (int i = 0; i < files; i++) m.file("big" + i + ".png", png);
        return m;
    }

    private static CompletableFuture<Api.Response> sendAsync(Api api, Multipart form) {
        return CompletableFuture.supplyAsync(() -> api.send(api.request("/api/v1/tools/sharpening/batch")
                .header("Content-Type", form.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(form.body()))));
    }

    @Test
    void sigtermLetsInFlightJobsFinishThenCheckpointsAndCloses() throws Exception {
        Map<String, String> env = env(60);
        String jobId = UUID.randomUUID().toString();
        try (ServerProcess p = ServerProcess.start(env, tmp.resolve("run1.log"))) {
            p.awaitHealthy();
            Api admin = p.api().login("admin", "Adm1nPassword");
            CompletableFuture<Api.Response> batch = sendAsync(admin, slowBatch(jobId, 4));
            await().atMost(30, TimeUnit.SECONDS).until(() -> "processing".equals(p.api().get("/api/v1/jobs/" + jobId).json().path("status").asText()));

            p.terminate();

            Api.Response r = batch.get(120, TimeUnit.SECONDS);
            assertThat(r.status()).as(p.log()).isEqualTo(200);
            int entries = 0;
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.bytes()))) {
                while (zip.getNextEntry() != null) entries++;
            }
            assertThat(entries).isEqualTo(4);
            int code = p.awaitExit(60);
            assertThat(code).as("JVM exit status after SIGTERM").isIn(0, 143);
            assertThat(p.log()).contains("Shutting down").contains("Database WAL checkpointed").contains("Shutdown complete");
        }
        Path wal = tmp.resolve("data").resolve("snapotter.db-wal");
        assertThat(!Files.exists(wal) || Files.size(wal) == 0).as("WAL folded into the database").isTrue();
        try (ServerProcess again = ServerProcess.start(env, tmp.resolve("run2.log"))) {
            again.awaitHealthy();
            assertThat(again.api().get("/api/v1/jobs/" + jobId).json().get("status").asText()).isEqualTo("completed");
            again.terminate();
            again.awaitExit(60);
        }
    }

    @Test
    void jobsStillRunningWhenTheGraceEndsAreFailedNotLost() throws Exception {
        Map<String, String> env = env(1);
        String jobId = UUID.randomUUID().toString();
        try (ServerProcess p = ServerProcess.start(env, tmp.resolve("run1.log"))) {
            p.awaitHealthy();
            Api admin = p.api().login("admin", "Adm1nPassword");
            CompletableFuture<Api.Response> batch = sendAsync(admin, slowBatch(jobId, 12));
            await().atMost(30, TimeUnit.SECONDS).until(() -> "processing".equals(p.api().get("/api/v1/jobs/" + jobId).json().path("status").asText()));
            p.terminate();
            assertThat(p.awaitExit(60)).isIn(0, 143);
            assertThat(batch.handle((res, err) -> err != null || res.status() >= 500).get(30, TimeUnit.SECONDS)).isTrue();
        }
        try (ServerProcess again = ServerProcess.start(env, tmp.resolve("run2.log"))) {
            again.awaitHealthy();
            var job = again.api().get("/api/v1/jobs/" + jobId).json();
            assertThat(job.get("status").asText()).isEqualTo("failed");
            again.terminate();
            again.awaitExit(60);
        }
    }

    @Test
    void invalidConfigurationExitsWithCode2NamingTheVariable() throws Exception {
        Map<String, String> env = env(5);
        env.put("PORT", "http");
        env.put("MAX_BATCH_SIZE", "lots");
        try (ServerProcess p = ServerProcess.start(env, tmp.resolve("bad.log"))) {
            assertThat(p.awaitExit(30)).isEqualTo(2);
            assertThat(p.log()).contains("FATAL").contains("PORT=http").contains("MAX_BATCH_SIZE=lots");
        }
    }

    @Test
    void unwritableDataDirExitsWithCode1AndSaysWhy() throws Exception {
        Map<String, String> env = env(5);
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        env.put("DATA_DIR", file.resolve("data").toString());
        env.put("PORT", String.valueOf(ServerProcess.freePort()));
        try (ServerProcess p = ServerProcess.start(env, tmp.resolve("bad.log"))) {
            assertThat(p.awaitExit(30)).isEqualTo(1);
            assertThat(p.log()).contains("FATAL").contains("DATA_DIR").contains("not writable");
        }
    }
}
