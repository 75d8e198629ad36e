package dev.snapotter.desktop.ai;

import dev.snapotter.ai.model.ModelNotInstalledException;
import dev.snapotter.ai.testing.TestModel;
import dev.snapotter.bundles.build.BundleBuilder;
import dev.snapotter.bundles.install.BundleInstaller;
import dev.snapotter.bundles.install.InstallerOptions;
import dev.snapotter.bundles.install.ProgressListener;
import dev.snapotter.bundles.signing.Ed25519Keys;
import dev.snapotter.bundles.signing.TrustedKeys;
import dev.snapotter.desktop.app.AppDirs;
import dev.snapotter.engine.ImageEngine;
import dev.snapotter.engine.batch.CancellationToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Local-engine mode: remove-background runs from a bundle in the desktop's data folder, no Docker. */
class LocalAiTest {

    @TempDir
    Path tmp;

    @Test
    void theLocalEngineOffersRemoveBackgroundAndRunsItOnceTheBundleIsInstalled() throws Exception {
        LocalAi ai = LocalAi.of(new AppDirs(tmp.resolve("appdata")));
        assertThat(ai.bundlesDir()).isEqualTo(tmp.resolve("appdata/ai").toAbsolutePath().normalize());
        ImageEngine engine = ai.engine();
        assertThat(engine.catalog().find("remove-background")).isPresent();

        Path photo = tmp.resolve("photo.png");
        BufferedImage img = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0xe8e8e0));
        g.fillRect(0, 0, 160, 120);
        g.setColor(new Color(0xc02020));
        g.fillOval(50, 30, 60, 60);
        g.dispose();
        ImageIO.write(img, "png", photo.toFile());
        var pipeline = engine.validateSingle("remove-background", Map.of());
        assertThatThrownBy(() -> engine.processFile(photo, pipeline, tmp.resolve("out1.png"), new CancellationToken()))
                .isInstanceOf(ModelNotInstalledException.class);

        Path model = TestModel.modelFile(); // skipped without the cached model, fails under CI=true
        KeyPair key = Ed25519Keys.generate();
        Path bundle = tmp.resolve("background-removal.snapotter-bundle.tar.gz");
        new BundleBuilder("background-removal", "Background removal", "1.4.5").license("AGPL-3.0").enablesTool("remove-background")
                .file("isnet-small.onnx", model).write(bundle, key.getPrivate());
        // The panel's installer trusts the build's keys; this test signs with its own throw-away key.
        try (BundleInstaller installer = BundleInstaller.open(InstallerOptions.defaults(ai.bundlesDir(), "0.1.0")
                .withTrustedKeys(TrustedKeys.of(key.getPublic())))) {
            installer.installFile(bundle, false, ProgressListener.NONE).result().get(60, TimeUnit.SECONDS);
        }
        Path out = engine.processFile(photo, pipeline, tmp.resolve("out2.png"), new CancellationToken());
        assertThat(ImageIO.read(out.toFile()).getColorModel().hasAlpha()).isTrue();
    }
}
