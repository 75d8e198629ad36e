package dev.snapotter.ai;

import dev.snapotter.ai.model.ModelLocator;
import dev.snapotter.ai.model.ModelNotInstalledException;
import dev.snapotter.ai.model.ModelSpec;
import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.ImageEngine;
import dev.snapotter.engine.batch.CancellationToken;
import dev.snapotter.engine.codec.imageio.ImageIoCodec;
import dev.snapotter.engine.pipeline.ValidatedPipeline;
import dev.snapotter.engine.tools.BuiltInTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** remove-background through the engine's front door, as the server, CLI and desktop call it. */
class EngineIntegrationTest {

    private static Path jpegOfARedBall(Path dir) throws Exception {
        BufferedImage img = new BufferedImage(800, 600, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(200, 210, 225));
        g.fillRect(0, 0, 800, 600);
        g.setColor(new Color(210, 30, 30));
        g.fillOval(250, 150, 300, 300);
        g.dispose();
        Path in = dir.resolve("ball.jpg");
        ImageIO.write(img, "jpg", in.toFile());
        return in;
    }

    @Test
    void jpegInTransparentPngOutOriginalUntouched(@TempDir Path dir) throws Exception {
        ModelLocator locator = ModelLocator.fromEnvironment();
        assumeTrue(locator.isInstalled(ModelSpec.ISNET_SMALL), "SKIPPED: ISNet model not found in " + locator.directory());
        Path in = jpegOfARedBall(dir);
        byte[] original = Files.readAllBytes(in);
        try (AiTools ai = AiTools.create(locator)) {
            ImageEngine engine = new ImageEngine(new ImageIoCodec(), ai.extend(BuiltInTools.catalog()), EngineLimits.defaults());
            ValidatedPipeline p = engine.validateSingle("remove-background", Map.of());
            Path written = engine.processFile(in, p, dir.resolve("ball-cut.jpg"), new CancellationToken());
            assertThat(written.getFileName().toString()).endsWith(".png");
            BufferedImage out = ImageIO.read(written.toFile());
            assertThat(out.getColorModel().hasAlpha()).isTrue();
            assertThat(out.getRGB(400, 300) >>> 24).as("centre of the ball").isGreaterThan(240);
            assertThat(out.getRGB(20, 20) >>> 24).as("background corner").isLessThan(15);

            ValidatedPipeline maskOnly = engine.validateSingle("remove-background", Map.of("returnMask", true));
            Path mask = engine.processFile(in, maskOnly, dir.resolve("ball-mask.png"), new CancellationToken());
            BufferedImage m = ImageIO.read(mask.toFile());
            assertThat(m.getRaster().getNumBands()).isEqualTo(1);
            assertThat(m.getRaster().getSample(400, 300, 0)).isGreaterThan(240);
            assertThat(m.getRaster().getSample(20, 20, 0)).isLessThan(15);
        }
        assertThat(Files.readAllBytes(in)).isEqualTo(original);
    }

    @Test
    void missingModelSurfacesAsTheTypedErrorAndWritesNothing(@TempDir Path dir) throws Exception {
        Path in = jpegOfARedBall(dir);
        Path models = Files.createDirectory(dir.resolve("models"));
        try (AiTools ai = AiTools.create(new ModelLocator(models))) {
            ImageEngine engine = new ImageEngine(new ImageIoCodec(), ai.extend(BuiltInTools.catalog()), EngineLimits.defaults());
            ValidatedPipeline p = engine.validateSingle("remove-background", Map.of("backgroundType", "color"));
            Path out = dir.resolve("out.png");
            assertThatThrownBy(() -> engine.processFile(in, p, out, new CancellationToken()))
                    .isInstanceOf(ModelNotInstalledException.class);
            assertThat(out).doesNotExist();
            try (var files = Files.list(dir)) {
                assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("ball.jpg", "models");
            }
        }
    }
}
