package dev.snapotter.server;

import dev.snapotter.server.support.Api;
import dev.snapotter.server.support.Multipart;
import dev.snapotter.server.support.Pictures;
import dev.snapotter.server.support.TestServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyTest {

    @Test
    void twentyFourParallelMixedRequestsAllSucceed() throws Exception {
        try (TestServer t = TestServer.start(Map.of("CONCURRENT_JOBS", "2", "MAX_QUEUED_JOBS", "64"))) {
            Api admin = t.admin();
            byte[] png = Pictures.png(320, 240);
            byte[] jpg = Pictures.jpeg(320, 240);
            try (ExecutorService pool = Executors.newFixedThreadPool(24)) {
                List<Future<Integer>> results = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    final int n = i;
                    results.add(pool.submit(() -> switch (n % 4) {
                        case 0 -> admin.postMultipart("/api/v1/tools/resize", new Multipart().file("s" + n + ".png", png)
                                .field("settings", "{\"width\":" + (50 + n) + "}")).status();
                        case 1 -> admin.postMultipart("/api/v1/tools/resize/batch", new Multipart().field("settings", "{\"width\":64}")
                                .file("a.png", png).file("b.jpg", jpg).file("c.png", png)).status();
                        case 2 -> admin.postMultipart("/api/v1/pipeline/execute", new Multipart().file("p.jpg", jpg)
                                .field("pipeline", "{\"steps\":[{\"toolId\":\"resize\",\"settings\":{\"width\":100}},{\"toolId\":\"rotate\",\"settings\":{\"angle\":180}}]}")).status();
                        default -> admin.get("/api/v1/admin/health").status();
                    }));
                }
                for (Future<Integer> f : results) assertThat(f.get()).isEqualTo(200);
            }
            // A worker counts as active until just after it hands over its result.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(admin.get("/api/v1/admin/health").json().at("/queue/depth").asInt()).isZero());
        }
    }

    @Test
    void aFullQueueAnswers503WithRetryAfter() throws Exception {
        try (TestServer t = TestServer.start(Map.of("CONCURRENT_JOBS", "1", "MAX_QUEUED_JOBS", "1"))) {
            Api admin = t.admin();
            byte[] big = Pictures.png(2500, 2500);
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                List<Future<Api.Response>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    results.add(pool.submit(() -> admin.postMultipart("/api/v1/tools/sharpening", new Multipart().file("big.png", big))));
                }
                int ok = 0;
                int busy = 0;
                for (Future<Api.Response> f : results) {
                    Api.Response r = f.get();
                    if (r.status() == 200) ok++;
                    if (r.status() == 503) {
                        busy++;
                        assertThat(r.header("Retry-After")).isNotNull();
                        assertThat(r.json().get("code").asText()).isEqualTo("SERVER_BUSY");
                    }
                }
                assertThat(ok + busy).isEqualTo(8);
                assertThat(ok).isGreaterThanOrEqualTo(1);
                assertThat(busy).isGreaterThanOrEqualTo(1);
            }
        }
    }
}
