package dev.snapotter.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.snapotter.ai.testing.TestModel;
import dev.snapotter.bundles.build.BundleBuilder;
import dev.snapotter.server.support.Api;
import dev.snapotter.server.support.Multipart;
import dev.snapotter.server.support.Pictures;
import dev.snapotter.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end in one JVM with the real ISNet model: 501 before the bundle is installed, 200 with an
 * alpha channel after the signed bundle was uploaded, 501 again after uninstall with the disk usage
 * back at the pre-install figure. Without the cached model (ai/scripts/fetch-model.sh) it is skipped, or fails
 * under CI=true ({@link TestModel}).
 */
class RemoveBackgroundFeatureTest {

    @TempDir
    Path tmp;

    @Test
    void realBundleTurnsTheToolOnAndUninstallTurnsItOff() throws Exception {
        Path model = TestModel.modelFile();
        Path bundle = tmp.resolve("background-removal.snapotter-bundle.tar.gz");
        new BundleBuilder("background-removal", "Background removal", "1.4.5").license("AGPL-3.0").enablesTool("remove-background")
                .file("isnet-small.onnx", model).file("LICENSE.md", TestModel.licenceFile())
                .write(bundle, FeaturesApiTest.builderKey());

        try (TestServer server = TestServer.start(Map.of())) {
            Api admin = server.admin();
            byte[] photo = Pictures.jpeg(320, 240);
            long before = admin.get("/api/v1/admin/features/disk-usage").expect(200).json().get("totalBytes").asLong();
            admin.postMultipart("/api/v1/tools/remove-background", new Multipart().file("photo.jpg", photo)).expect(501);

            JsonNode done = FeaturesApiTest.awaitJob(admin, FeaturesApiTest.upload(admin, bundle));
            assertThat(done.get("phase").asText()).as(done.toString()).isEqualTo("complete");

            JsonNode r = admin.postMultipart("/api/v1/tools/remove-background", new Multipart().file("photo.jpg", photo)).expect(200).json();
            assertThat(r.get("filename").asText()).endsWith(".png");
            BufferedImage out = Pictures.read(server.api().get(r.get("downloadUrl").asText()).expect(200).bytes());
            assertThat(out.getColorModel().hasAlpha()).isTrue();
            assertThat(out.getWidth()).isEqualTo(320);

            admin.delete("/api/v1/admin/features/background-removal").expect(200);
            assertThat(admin.get("/api/v1/admin/features/disk-usage").json().get("totalBytes").asLong()).isEqualTo(before);
            admin.postMultipart("/api/v1/tools/remove-background", new Multipart().file("photo.jpg", photo)).expect(501);
        }
    }
}
