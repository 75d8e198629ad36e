package dev.snapotter.engine.pipeline;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.ImageEngine;
import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.vips.VipsCodec;
import dev.snapotter.engine.testing.Backends;
import dev.snapotter.engine.testing.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which pipelines the native fast path takes (decode → resize → encode inside libvips) and which need Java pixels. */
class DirectPlanTest {

    static final EngineLimits LIMITS = new EngineLimits(100, 20, 1L << 30);
    @TempDir
    Path dir;
    private ImageEngine engine;
    private PipelineRunner runner;
    private Path jpeg;
    private Path png;

    @BeforeEach
    void setUp() {
        VipsCodec vips = Backends.assumeVips();
        engine = ImageEngine.create(vips, LIMITS);
        runner = new PipelineRunner(vips, LIMITS);
        jpeg = TestImages.write(dir, "a.jpg", TestImages.jpeg(400, 300));
        png = TestImages.write(dir, "a.png", TestImages.png(400, 300, true));
    }

    private Optional<DirectPlan> plan(Path file, PipelineStep... steps) {
        return runner.directPlan(file, engine.validate(new Pipeline(java.util.List.of(steps))));
    }

    @Test
    void resizeThenWebpRunsNatively() {
        DirectPlan p = plan(jpeg, new PipelineStep("resize", Map.of("width", 200)),
                new PipelineStep("convert", Map.of("format", "webp", "quality", 70))).orElseThrow();
        assertThat(p.width()).isEqualTo(200);
        assertThat(p.height()).isEqualTo(150);
        assertThat(p.resized()).isTrue();
        assertThat(p.output().format()).isEqualTo(ImageFormat.WEBP);
        assertThat(p.output().quality()).isEqualTo(70);
    }

    @Test
    void compressInQualityModeRunsNatively() {
        assertThat(plan(jpeg, new PipelineStep("compress", Map.of("quality", 60)))).hasValueSatisfying(p -> {
            assertThat(p.resized()).isFalse();
            assertThat(p.output().quality()).isEqualTo(60);
        });
    }

    @Test
    void stepsThatNeedPixelsUseTheNormalPath() {
        assertThat(plan(jpeg, new PipelineStep("resize", Map.of("width", 200, "height", 200, "fit", "contain")))).isEmpty();
        assertThat(plan(jpeg, new PipelineStep("rotate", Map.of("angle", 90)))).isEmpty();
        assertThat(plan(jpeg, new PipelineStep("compress", Map.of("mode", "targetSize", "targetSizeKb", 20)))).isEmpty();
        assertThat(plan(jpeg, new PipelineStep("convert", Map.of("format", "ico")))).isEmpty();
        // transparency → JPEG is composited on white by Java
        assertThat(plan(png, new PipelineStep("convert", Map.of("format", "jpg")))).isEmpty();
        assertThat(plan(png, new PipelineStep("convert", Map.of("format", "webp")))).isPresent();
    }

    @Test
    void theJavaBackendNeverTakesIt() {
        PipelineRunner javaRunner = new PipelineRunner(Backends.java(), LIMITS);
        assertThat(javaRunner.directPlan(jpeg, engine.validate(Pipeline.of(new PipelineStep("resize", Map.of("width", 200)))))).isEmpty();
    }
}
