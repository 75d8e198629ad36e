package dev.snapotter.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.snapotter.archive.Sha256;
import dev.snapotter.bundles.catalogue.AllowedOrigins;
import dev.snapotter.bundles.catalogue.Catalogue;
import dev.snapotter.bundles.catalogue.CatalogueEntry;
import dev.snapotter.bundles.testing.TestBundles;
import dev.snapotter.server.support.Api;
import dev.snapotter.server.support.Multipart;
import dev.snapotter.server.support.Pictures;
import dev.snapotter.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The online install path on a real server: {@code POST /api/v1/admin/features/{id}/install} downloads from
 * the catalogue URL (a JDK loopback HTTP server serving a bundle signed with the build key), progress over
 * SSE, and nothing is ever fetched from an origin the catalogue does not allow (a second loopback server
 * that counts every request). Also the reset-all route's success path.
 */
class FeaturesOnlineInstallTest {

    @TempDir
    static Path tmp;
    static HttpServer allowed;
    static HttpServer elsewhere;
    static TestServer server;
    static Api admin;
    static byte[] bundle;
    static final AtomicInteger allowedRequests = new AtomicInteger();
    static final AtomicInteger elsewhereRequests = new AtomicInteger();
    /** The bundle's body waits for this (the test's SSE stream is open by then). */
    static volatile CountDownLatch release = new CountDownLatch(0);

    @BeforeAll
    static void start() throws Exception {
        bundle = Files.readAllBytes(TestBundles.signedBundle(tmp, "test-model", FeaturesApiTest.builderKey()));
        elsewhere = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        elsewhere.createContext("/", ex -> {
            elsewhereRequests.incrementAndGet();
            serve(ex);
        });
        elsewhere.start();
        String elsewhereOrigin = "http://127.0.0.1:" + elsewhere.getAddress().getPort();

        allowed = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        allowed.createContext("/bundles/test-model.tar.gz", ex -> {
            allowedRequests.incrementAndGet();
            serve(ex);
        });
        allowed.createContext("/redirect-away", ex -> {
            allowedRequests.incrementAndGet();
            ex.getResponseHeaders().add("Location", elsewhereOrigin + "/bundles/test-model.tar.gz");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        allowed.setExecutor(Executors.newCachedThreadPool());
        allowed.start();
        String origin = "http://127.0.0.1:" + allowed.getAddress().getPort();

        Catalogue catalogue = new Catalogue(1, new AllowedOrigins(List.of(origin)), List.of(
                entry("test-model", origin + "/bundles/test-model.tar.gz", (long) bundle.length, Sha256.of(bundle)),
                entry("elsewhere-model", elsewhereOrigin + "/bundles/test-model.tar.gz", (long) bundle.length, null),
                entry("redirected-model", origin + "/redirect-away", null, null),
                // Not downloadable here; gives the 501 its catalogue figures (distinct from the shipped ones).
                new CatalogueEntry("background-removal", "Background removal", "", "1.4.5", "AGPL-3.0", "any", List.of("remove-background"),
                        31_234_567L, 44_400_001L, null, null)));
        server = TestServer.start(Map.of(), catalogue);
        admin = server.admin();
    }

    private static CatalogueEntry entry(String id, String url, Long downloadBytes, String sha) {
        return new CatalogueEntry(id, "Test " + id, "", "1.0.0", "MIT", "any", List.of("remove-background"), downloadBytes, 300_100, url, sha);
    }

    private static void serve(HttpExchange ex) throws IOException {
        ex.sendResponseHeaders(200, bundle.length);
        try {
            if (!release.await(60, TimeUnit.SECONDS)) throw new IOException("test: never released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (OutputStream out = ex.getResponseBody()) {
            for (int off = 0; off < bundle.length; off += 64 * 1024) { // in pieces, so the download reports progress
                out.write(bundle, off, Math.min(64 * 1024, bundle.length - off));
                out.flush();
            }
        }
    }

    @AfterAll
    static void stop() {
        release.countDown();
        if (server != null) server.close();
        if (allowed != null) allowed.stop(0);
        if (elsewhere != null) elsewhere.stop(0);
    }

    @BeforeEach
    void clean() {
        admin.postJson("/api/v1/admin/features/reset", Map.of()).expect(200);
        release = new CountDownLatch(0);
    }

    /** Opens the job's SSE stream, then lets the download proceed, and returns every event up to the terminal one. */
    static List<JsonNode> eventsReleasing(String jobId, CountDownLatch gate) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(admin.base() + "/api/v1/jobs/" + jobId + "/progress")).timeout(Duration.ofSeconds(120)).build();
        try (HttpClient c = HttpClient.newHttpClient()) {
            HttpResponse<Stream<String>> res = c.send(req, HttpResponse.BodyHandlers.ofLines()); // subscribed once the headers are here
            gate.countDown();
            List<JsonNode> events = new ArrayList<>();
            for (String l : (Iterable<String>) res.body().filter(l -> l.startsWith("data: "))::iterator) events.add(Api.JSON.readTree(l.substring(6)));
            return events;
        }
    }

    private static String install(String id) {
        JsonNode accepted = admin.postJson("/api/v1/admin/features/" + id + "/install", Map.of()).expect(202).json();
        assertThat(accepted.get("bundleId").asText()).isEqualTo(id);
        return accepted.get("jobId").asText();
    }

    @Test
    void installsFromTheCatalogueUrlWithProgressOverSse() throws Exception {
        int before = allowedRequests.get();
        CountDownLatch gate = new CountDownLatch(1);
        release = gate;
        String jobId = install("test-model");
        List<JsonNode> events = eventsReleasing(jobId, gate);

        assertThat(events.getLast().get("phase").asText()).as(events.toString()).isEqualTo("complete");
        assertThat(events.getLast().get("bundleId").asText()).isEqualTo("test-model");
        List<JsonNode> downloading = events.stream().filter(e -> e.get("stage").asText().equals("downloading") && e.get("bytesDone").asLong() > 0).toList();
        assertThat(downloading).as("download progress events: " + events).isNotEmpty();
        assertThat(downloading).allSatisfy(e -> {
            assertThat(e.get("phase").asText()).isEqualTo("processing");
            assertThat(e.get("jobId").asText()).isEqualTo(jobId);
            assertThat(e.get("bytesTotal").asLong()).isEqualTo(bundle.length);
        });
        assertThat(downloading.getLast().get("bytesDone").asLong()).isEqualTo(bundle.length);
        List<Integer> percents = events.stream().map(e -> e.get("percent").asInt()).toList();
        assertThat(percents).isSorted();
        assertThat(percents.getLast()).isEqualTo(100);

        assertThat(allowedRequests.get() - before).isEqualTo(1);
        assertThat(elsewhereRequests.get()).as("no request to a non-allow-listed origin").isZero();
        assertThat(admin.get("/api/v1/jobs/" + jobId).expect(200).json().get("status").asText()).isEqualTo("completed");
        assertThat(server.dataDir().resolve("ai/test-model/files/model.onnx")).hasSize(300_000);
        JsonNode listed = null;
        for (JsonNode b : admin.get("/api/v1/features").expect(200).json().get("bundles")) if (b.get("id").asText().equals("test-model")) listed = b;
        assertThat(listed.get("status").asText()).isEqualTo("installed");
        assertThat(listed.get("downloadable").asBoolean()).isTrue();
        admin.postJson("/api/v1/admin/features/test-model/install", Map.of()).expect(409);
        assertThat(admin.get("/api/v1/audit-log?action=FEATURE_INSTALL_REQUESTED").expect(200).json().get("total").asInt()).isPositive();
    }

    @Test
    void aUrlOutsideTheAllowListIsNeverContacted() throws Exception {
        String jobId = install("elsewhere-model");
        JsonNode last = FeaturesApiTest.awaitJob(admin, jobId);
        assertThat(last.get("phase").asText()).isEqualTo("failed");
        assertThat(last.get("error").asText()).contains("not an allow-listed bundle host");
        assertThat(admin.get("/api/v1/jobs/" + jobId).expect(200).json().get("status").asText()).isEqualTo("failed");
        assertThat(elsewhereRequests.get()).isZero();
        assertThat(server.dataDir().resolve("ai/elsewhere-model")).doesNotExist();
    }

    @Test
    void aRedirectOutOfTheAllowListIsNotFollowed() throws Exception {
        int before = allowedRequests.get();
        JsonNode last = FeaturesApiTest.awaitJob(admin, install("redirected-model"));
        assertThat(last.get("phase").asText()).isEqualTo("failed");
        assertThat(last.get("error").asText()).contains("not an allow-listed bundle host");
        assertThat(allowedRequests.get() - before).as("the allowed origin was asked once").isEqualTo(1);
        assertThat(elsewhereRequests.get()).as("the redirect target was never contacted").isZero();
        assertThat(server.dataDir().resolve("ai/redirected-model")).doesNotExist();
    }

    @Test
    void missingBundleAnswers501WithTheCatalogueSizes() {
        JsonNode r = admin.postMultipart("/api/v1/tools/remove-background", new Multipart().file("photo.png", Pictures.png(64, 48))).expect(501).json();
        assertThat(r.get("bundleId").asText()).isEqualTo("background-removal");
        assertThat(r.get("sizeBytes").asLong()).isEqualTo(44_400_001L);
        assertThat(r.get("downloadBytes").asLong()).isEqualTo(31_234_567L);
        assertThat(r.get("details").get("downloadBytes").asLong()).isEqualTo(31_234_567L);
    }

    @Test
    void resetRemovesEveryBundleAndGivesBackEveryByte() throws Exception {
        assertThat(admin.get("/api/v1/admin/features/disk-usage").expect(200).json().get("totalBytes").asLong()).isZero();
        assertThat(FeaturesApiTest.awaitJob(admin, install("test-model")).get("phase").asText()).isEqualTo("complete");
        Path other = TestBundles.signedBundle(Files.createDirectories(tmp.resolve("other")), "other-model", FeaturesApiTest.builderKey());
        assertThat(FeaturesApiTest.awaitJob(admin, FeaturesApiTest.upload(admin, other)).get("phase").asText()).isEqualTo("complete");
        JsonNode usage = admin.get("/api/v1/admin/features/disk-usage").expect(200).json();
        assertThat(usage.get("bundles").size()).isEqualTo(2);
        assertThat(usage.get("totalBytes").asLong()).isGreaterThan(600_000);

        JsonNode reset = admin.postJson("/api/v1/admin/features/reset", Map.of()).expect(200).json();
        assertThat(reset.get("ok").asBoolean()).isTrue();
        assertThat(reset.get("diskUsage").get("totalBytes").asLong()).isZero();
        assertThat(reset.get("diskUsage").get("bundles").size()).isZero();
        assertThat(server.dataDir().resolve("ai/test-model")).doesNotExist();
        assertThat(server.dataDir().resolve("ai/other-model")).doesNotExist();
        for (JsonNode b : admin.get("/api/v1/features").expect(200).json().get("bundles")) {
            assertThat(b.get("installed").asBoolean()).as(b.toString()).isFalse();
        }
        assertThat(admin.get("/api/v1/audit-log?action=FEATURES_RESET").expect(200).json().get("total").asInt()).isPositive();
    }
}
