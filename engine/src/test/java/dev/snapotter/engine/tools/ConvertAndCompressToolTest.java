package dev.snapotter.engine.tools;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.ImageEngine;
import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.codec.imageio.ImageIoCodec;
import dev.snapotter.engine.pipeline.Pipeline;
import dev.snapotter.engine.pipeline.PipelineStep;
import dev.snapotter.engine.testing.TestImages;
import dev.snapotter.engine.tool.InvalidSettingsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConvertAndCompressToolTest {

    static final EngineLimits LIMITS = new EngineLimits(100, 20, 1L << 30);
    private final ImageEngine engine = ImageEngine.create(new dev.snapotter.engine.codec.imageio.ImageIoCodec(), LIMITS) /* this test describes the Java backend */;
    private final ConvertTool convert = new ConvertTool();
    private final CompressTool compress = new CompressTool();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"webp", "avif", "heic", "heif"})
    void formatsThisBackendCannotWriteFailValidation(String format) {
        ToolFixtures.expectFieldError(() -> convert.validate(Map.of("format", format)), "format", "native backend");
        assertThatThrownBy(() -> engine.validate(Pipeline.of(new PipelineStep("convert", Map.of("format", format)))))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.errors()).anySatisfy(fe -> {
                    assertThat(fe.path()).isEqualTo("steps[0].settings.format");
                    assertThat(fe.message()).containsIgnoringCase(format);
                }));
    }

    @Test
    void formatIsRequiredAndQualityBounded() {
        ToolFixtures.expectFieldError(() -> convert.validate(Map.of()), "format", "required");
        ToolFixtures.expectFieldError(() -> convert.validate(Map.of("format", "png", "quality", 0)), "quality", "≥ 1");
        ToolFixtures.expectFieldError(() -> convert.validate(Map.of("format", "bmpx")), "format", "one of");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpg", "png", "tiff", "gif", "bmp", "ico"})
    void convertWritesTheChosenFormat(String format) throws IOException {
        Path in = TestImages.write(dir, "in.png", TestImages.png(300, 200, true));
        Path out = engine.processFile(in, engine.validateSingle("convert", Map.of("format", format)), dir.resolve("out/in.png"), null);
        ImageFormat expected = ImageFormat.fromName(format).orElseThrow();
        assertThat(out.getFileName().toString()).isEqualTo("in." + expected.extension());
        assertThat(new ImageIoCodec().probe(out).format()).isEqualTo(expected);
        if (expected == ImageFormat.ICO) {
            assertThat(new ImageIoCodec().probe(out).width()).as("scaled to the ICO limit").isEqualTo(256);
        }
    }

    @Test
    void targetSizeModeNeedsATargetAndMeetsIt() throws IOException {
        ToolFixtures.expectFieldError(() -> compress.validate(Map.of("mode", "targetSize")), "targetSizeKb", "required");
        Path in = TestImages.write(dir, "noise.png", TestImages.png(noise(400, 300)));
        Path out = engine.processFile(in, engine.validateSingle("compress", Map.of("mode", "targetSize", "targetSizeKb", 40)),
                dir.resolve("out/noise.png"), null);
        assertThat(out.getFileName().toString()).as("lossless input becomes JPEG to trade quality for size").isEqualTo("noise.jpg");
        assertThat(Files.size(out)).isLessThanOrEqualTo(40 * 1024).isGreaterThan(10 * 1024);
        Picture back = new ImageIoCodec().decode(out, LIMITS);
        assertThat(back.width()).isEqualTo(400);
    }

    @Test
    void qualityModeLowersTheJpegQuality() throws IOException {
        Path in = TestImages.write(dir, "n.jpg", TestImages.jpeg(noise(200, 200), 95));
        Path q30 = engine.processFile(in, engine.validateSingle("compress", Map.of("quality", 30)), dir.resolve("q30.jpg"), null);
        Path q90 = engine.processFile(in, engine.validateSingle("compress", Map.of("quality", 90)), dir.resolve("q90.jpg"), null);
        assertThat(Files.size(q30)).isLessThan(Files.size(q90) / 2);
        assertThat(compress.outputFormat(compress.validate(Map.of()), ImageFormat.PNG)).isEqualTo(ImageFormat.PNG);
    }

    static BufferedImage noise(int w, int h) {
        Random r = new Random(3);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, r.nextInt(0x1000000));
        return img;
    }
}
