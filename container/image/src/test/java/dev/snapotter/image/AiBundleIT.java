package dev.snapotter.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snapotter.ai.testing.TestModel;
import dev.snapotter.bundles.build.BundleBuilder;
import dev.snapotter.bundles.signing.SigningKeyStore;
import dev.snapotter.image.support.Container;
import dev.snapotter.image.support.ExecResult;
import dev.snapotter.image.support.Pngs;
import dev.snapotter.image.support.ServerClient;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * AI bundles inside the hardened read-only variant (uid 999, read-only root, /tmp tmpfs noexec): the
 * signed background-removal bundle built by ai/scripts/build-bundle.sh is uploaded through the API
 * (the air-gapped path), ONNX Runtime loads its natives from /app/native/onnxruntime (nothing from
 * /tmp), remove-background answers 501 before the install and 200 after, and uninstall brings the
 * bundles folder back to its pre-install size. Skipped when there is no Docker daemon; without the model
 * skipped, or failed under CI=true ({@link TestModel}).
 */
class AiBundleIT extends ConformanceBase {

    private static final String BUNDLE = "background-removal-1.4.5.snapotter-bundle.tar.gz";

    /**
     * The bundle from ai/scripts/build-bundle.sh when it ran, else the same bundle built here from the
     * cached model with this machine's signing key (the key the image's server jar trusts).
     */
    private static Path bundle() throws Exception {
        Path root = Paths.module().resolve("../..").normalize();
        String buildDir = System.getProperty("snapotter.build.dir", "target");
        Path built = root.resolve("ai").resolve(buildDir).resolve("bundles").resolve(BUNDLE);
        if (Files.isRegularFile(built)) return built;
        Path model = TestModel.modelFile(); // skipped without the cached model, fails under CI=true
        Path out = Paths.module().resolve(buildDir).resolve(BUNDLE);
        new BundleBuilder("background-removal", "Background removal", "1.4.5").license("AGPL-3.0").enablesTool("remove-background")
                .file("isnet-small.onnx", model).file("LICENSE.md", TestModel.licenceFile())
                .write(out, SigningKeyStore.resolveFromEnvironment());
        return out;
    }

    @Test
    void signedBundleInstallsRunsWithTmpNoexecAndUninstallsCompletely() throws Exception {
        byte[] bundle = Files.readAllBytes(bundle());
        Container c = startHealthy(readOnly());
        ServerClient api = new ServerClient(c);
        String token = api.adminSession(COMPOSE_PASSWORD, "Ai-Bundle-Passw0rd-" + System.nanoTime());
        byte[] photo = Pngs.sample(320, 200);

        ServerClient.Response missing = api.postFile("/api/v1/tools/remove-background", token, "in.png", photo, "{}");
        assertThat(missing.status()).as(missing.text()).isEqualTo(501);
        assertThat(missing.json().path("code").asText()).isEqualTo("FEATURE_NOT_INSTALLED");
        assertThat(missing.json().path("bundleId").asText()).isEqualTo("background-removal");
        long before = api.get("/api/v1/admin/features/disk-usage", token).json().path("totalBytes").asLong();
        String duBefore = du(c);

        ServerClient.Response accepted = api.postFile("/api/v1/admin/features/install-file", token, BUNDLE, bundle, "{}");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        JsonNode job = awaitJob(api, token, accepted.json().path("jobId").asText());
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("completed");

        byte[] out = api.runTool(token, "remove-background", "in.png", photo, "{}");
        BufferedImage img = Pngs.read(out);
        assertThat(img.getWidth()).isEqualTo(320);
        assertThat(img.getColorModel().hasAlpha()).isTrue();
        assertThat(c.javaProcess().cmdline()).contains("-Donnxruntime.native.path=/app/native/onnxruntime");
        assertThat(c.exec("sh", "-c", "find /tmp -name '*.so*' 2>/dev/null").stdout()).as("no native library extracted to /tmp").isBlank();
        // ONNX Runtime's Linux build carries Microsoft's telemetry client; ORT_DISABLE_TELEMETRY=1 must keep it
        // from even creating its device id database.
        assertThat(c.exec("sh", "-c", "find /tmp /data -path '*DeveloperTools*' 2>/dev/null").stdout()).as("no telemetry state").isBlank();
        assertThat(c.logs()).doesNotContain("UnsatisfiedLinkError");

        ServerClient.Response removed = api.delete("/api/v1/admin/features/background-removal", token);
        assertThat(removed.status()).as(removed.text()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/features/disk-usage", token).json().path("totalBytes").asLong()).isEqualTo(before);
        assertThat(du(c)).as("du -sb /data/ai before install and after uninstall").isEqualTo(duBefore);
        assertThat(api.postFile("/api/v1/tools/remove-background", token, "in.png", photo, "{}").status()).isEqualTo(501);
    }

    private static String du(Container c) {
        ExecResult r = c.exec("sh", "-c", "find /data/ai | sort; du -sb --apparent-size /data/ai | cut -f1");
        assertThat(r.ok()).as(r.describe()).isTrue();
        return r.stdout().strip();
    }

    /** Polls the job row (bounded): the install verifies 44 MB and switches it in within seconds. */
    private static JsonNode awaitJob(ServerClient api, String token, String jobId) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            JsonNode j = api.get("/api/v1/jobs/" + jobId, token).json();
            String s = j.path("status").asText();
            if (s.equals("completed") || s.equals("failed") || System.nanoTime() > deadline) return j;
            pause(200);
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
