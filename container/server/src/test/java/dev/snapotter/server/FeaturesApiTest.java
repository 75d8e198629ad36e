package dev.snapotter.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snapotter.bundles.catalogue.Catalogue;
import dev.snapotter.bundles.signing.Ed25519Keys;
import dev.snapotter.bundles.signing.SigningKeyStore;
import dev.snapotter.bundles.testing.TestBundles;
import dev.snapotter.server.support.Api;
import dev.snapotter.server.support.Multipart;
import dev.snapotter.server.support.Pictures;
import dev.snapotter.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The features routes on a real server. Bundles are signed with this machine's build key (the one the
 * build wrote into the trusted keys of the bundles jar) or with a throw-away foreign key.
 */
class FeaturesApiTest {

    static TestServer server;
    static Api admin;
    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of());
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static PrivateKey builderKey() throws Exception {
        return SigningKeyStore.resolveFromEnvironment();
    }

    /** Uploads a bundle file; returns the job id. */
    static String upload(Api api, Path bundle) throws Exception {
        return api.postMultipart("/api/v1/admin/features/install-file",
                new Multipart().file("file", bundle.getFileName().toString(), "application/gzip", Files.readAllBytes(bundle))).expect(202).json().get("jobId").asText();
    }

    /** Follows the job's SSE stream to its terminal event. */
    static JsonNode awaitJob(Api api, String jobId) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/jobs/" + jobId + "/progress")).timeout(Duration.ofSeconds(120)).build();
        try (HttpClient c = HttpClient.newHttpClient()) {
            List<String> lines = c.send(req, HttpResponse.BodyHandlers.ofLines()).body()
                    .filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
            JsonNode last = Api.JSON.readTree(lines.getLast());
            assertThat(last.get("phase").asText()).isIn("complete", "failed");
            return last;
        }
    }

    @Test
    void catalogueBundleIsListedAsAvailableWithSizeAndLicence() {
        JsonNode body = admin.get("/api/v1/features").expect(200).json();
        JsonNode br = null;
        for (JsonNode b : body.get("bundles")) if (b.get("id").asText().equals("background-removal")) br = b;
        assertThat(br).isNotNull();
        assertThat(br.get("license").asText()).isEqualTo("AGPL-3.0");
        assertThat(br.get("installedBytes").asLong()).isGreaterThan(44_000_000);
        assertThat(br.get("enablesTools").toString()).contains("remove-background");
        assertThat(br.get("status").asText()).isIn("available", "installed");
        server.api().get("/api/v1/features").expect(401);
    }

    @Test
    void missingBundleAnswers501WithBundleIdAndSize() {
        // Its own server on a fresh data dir: nothing can be installed there, whatever the other tests do.
        try (TestServer fresh = TestServer.start(Map.of())) {
            Api a = fresh.admin();
            assertThat(a.get("/api/v1/admin/features/disk-usage").expect(200).json().get("totalBytes").asLong()).isZero();
            JsonNode listed = null;
            for (JsonNode b : a.get("/api/v1/features").expect(200).json().get("bundles")) if (b.get("id").asText().equals("background-removal")) listed = b;
            assertThat(listed.get("installed").asBoolean()).isFalse();

            JsonNode r = a.postMultipart("/api/v1/tools/remove-background", new Multipart().file("photo.png", Pictures.png(64, 48))).expect(501).json();
            assertThat(r.get("code").asText()).isEqualTo("FEATURE_NOT_INSTALLED");
            assertThat(r.get("bundleId").asText()).isEqualTo("background-removal");
            // The bundle's installed size from the shipped catalogue (model + licence), not the model file's 44,342,436.
            long catalogued = Catalogue.builtIn().find("background-removal").orElseThrow().installedBytes();
            assertThat(catalogued).isEqualTo(44_376_799L);
            assertThat(r.get("sizeBytes").asLong()).isEqualTo(catalogued);
            assertThat(r.get("details").get("sizeBytes").asLong()).isEqualTo(catalogued);
            assertThat(r.has("downloadBytes")).as("the shipped catalogue does not know the archive size").isFalse();
        }
    }

    @Test
    void uploadInstallAndUninstallGiveBackEveryByte() throws Exception {
        long before = admin.get("/api/v1/admin/features/disk-usage").expect(200).json().get("totalBytes").asLong();
        Path bundle = TestBundles.signedBundle(Files.createDirectories(tmp.resolve("a")), "test-model", builderKey());

        JsonNode done = awaitJob(admin, upload(admin, bundle));
        assertThat(done.get("phase").asText()).as(done.toString()).isEqualTo("complete");
        assertThat(done.get("bundleId").asText()).isEqualTo("test-model");
        JsonNode listed = null;
        for (JsonNode b : admin.get("/api/v1/features").expect(200).json().get("bundles")) if (b.get("id").asText().equals("test-model")) listed = b;
        assertThat(listed).isNotNull();
        assertThat(listed.get("status").asText()).isEqualTo("installed");
        assertThat(listed.get("signed").asBoolean()).isTrue();
        assertThat(listed.get("diskUsageBytes").asLong()).isGreaterThan(300_000);
        assertThat(server.dataDir().resolve("ai/test-model/files/model.onnx")).exists();

        JsonNode removed = admin.delete("/api/v1/admin/features/test-model").expect(200).json();
        assertThat(removed.get("diskUsage").get("totalBytes").asLong()).isEqualTo(before);
        assertThat(server.dataDir().resolve("ai/test-model")).doesNotExist();
        admin.delete("/api/v1/admin/features/test-model").expect(404);
        assertThat(admin.get("/api/v1/audit-log?action=FEATURE_UNINSTALLED").expect(200).json().get("total").asInt()).isPositive();
    }

    @Test
    void foreignSignedBundleIsRefusedUntilTheAdminAllowsIt() throws Exception {
        Path bundle = TestBundles.signedBundle(Files.createDirectories(tmp.resolve("f")), "foreign-model", Ed25519Keys.generate().getPrivate());
        JsonNode refused = awaitJob(admin, upload(admin, bundle));
        assertThat(refused.get("phase").asText()).isEqualTo("failed");
        assertThat(refused.get("error").asText()).contains("does not trust");
        assertThat(admin.get("/api/v1/jobs/" + refused.get("jobId").asText()).expect(200).json().get("status").asText()).isEqualTo("failed");
        assertThat(server.dataDir().resolve("ai/foreign-model")).doesNotExist();
        try (var files = Files.list(server.dataDir().resolve("ai/.downloads"))) {
            assertThat(files).as("the upload is not kept").isEmpty();
        }

        admin.putJson("/api/v1/settings", Map.of("allowUntrustedBundles", true)).expect(200);
        try {
            assertThat(awaitJob(admin, upload(admin, bundle)).get("phase").asText()).isEqualTo("complete");
            JsonNode listed = null;
            for (JsonNode b : admin.get("/api/v1/features").json().get("bundles")) if (b.get("id").asText().equals("foreign-model")) listed = b;
            assertThat(listed.get("signed").asBoolean()).isTrue();
            admin.postJson("/api/v1/admin/features/foreign-model/uninstall", Map.of()).expect(200);
        } finally {
            admin.putJson("/api/v1/settings", Map.of("allowUntrustedBundles", false)).expect(200);
        }
    }

    @Test
    void adminRoutesNeedFeaturesManage() {
        Api user = server.userWithRole("plainuser", "user");
        user.get("/api/v1/features").expect(200);
        user.postJson("/api/v1/admin/features/background-removal/install", Map.of()).expect(403);
        user.delete("/api/v1/admin/features/background-removal").expect(403);
        user.postJson("/api/v1/admin/features/reset", Map.of()).expect(403);
        user.get("/api/v1/admin/features/disk-usage").expect(403);
        admin.postJson("/api/v1/admin/features/no-such-bundle/install", Map.of()).expect(404);
        admin.postRaw("/api/v1/admin/features/install-file", "application/json", "{}".getBytes()).expect(415);
    }
}
