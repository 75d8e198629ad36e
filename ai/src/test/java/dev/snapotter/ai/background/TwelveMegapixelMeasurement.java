package dev.snapotter.ai.background;

import dev.snapotter.ai.testing.TestModel;
import dev.snapotter.ai.model.ModelLocator;
import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.ImageMetadata;
import dev.snapotter.engine.codec.OutputSpec;
import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.tool.ToolContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a speed test (timings are only logged, never asserted): records what docs/performance.md ("AI: background removal") quotes,
 * end-to-end time of remove-background on a 12 MP (4000×3000) photo-like scene and the fork's
 * peak RSS (VmHWM). Opt-in: {@code mvn -pl ai -am test -Dsnapotter.ai.measure=true -Dtest=TwelveMegapixelMeasurement -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "snapotter.ai.measure", matches = "true")
class TwelveMegapixelMeasurement {

    private static final Logger log = LoggerFactory.getLogger(TwelveMegapixelMeasurement.class);

    @Test
    void measure() throws IOException {
        ModelLocator locator = TestModel.require();
        TestScenes.Scene scene = TestScenes.bust(4000, 3000);
        Picture in = new Picture(scene.image(), ImageMetadata.NONE, OutputSpec.of(ImageFormat.JPEG));
        log.info("before: RSS {} MB, peak {} MB", status("VmRSS"), status("VmHWM"));
        int threads = Runtime.getRuntime().availableProcessors();
        try (IsnetSegmenter segmenter = new IsnetSegmenter(locator, Duration.ofMinutes(1), threads)) {
            RemoveBackgroundTool tool = new RemoveBackgroundTool(segmenter);
            for (int run = 1; run <= 3; run++) {
                long t0 = System.nanoTime();
                Picture out = tool.apply(in, tool.validate(Map.of()), ToolContext.of(EngineLimits.defaults()));
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertThat(out.width()).isEqualTo(4000);
                log.info("run {}: 12 MP remove-background {} ms (threads {}), RSS {} MB, peak {} MB, load {}",
                        run, ms, threads, status("VmRSS"), status("VmHWM"), Files.readString(Path.of("/proc/loadavg")).trim());
            }
        }
    }

    /** A /proc/self/status field in MB (Linux only; -1 elsewhere). */
    private static long status(String field) throws IOException {
        Path p = Path.of("/proc/self/status");
        if (!Files.exists(p)) return -1;
        return Files.readAllLines(p).stream().filter(l -> l.startsWith(field + ":"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
    }
}
