package dev.snapotter.engine.codec;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.ImageEngine;
import dev.snapotter.engine.codec.imageio.ImageIoCodec;
import dev.snapotter.engine.pipeline.Pipeline;
import dev.snapotter.engine.pipeline.PipelineStep;
import dev.snapotter.engine.testing.Backends;
import dev.snapotter.engine.tool.InvalidSettingsException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Backend choice: auto prefers libvips, falls back to Java with a clear log line, and either can be forced. */
class CodecSelectionTest {

    @Test
    void javaCanBeForced() {
        assertThat(CodecSelection.select("java", "libvips.so.42")).isInstanceOf(ImageIoCodec.class);
    }

    @Test
    void autoFallsBackToJavaWhenLibvipsIsMissingAndSaysWhy() {
        Logger logger = (Logger) LoggerFactory.getLogger(CodecSelection.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            ImageCodec codec = CodecSelection.select("auto", "libvips-missing-for-test.so.42");
            assertThat(codec.name()).isEqualTo("java");
            assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                    .contains("image backend: java")
                    .contains("libvips is not available")
                    .contains("libvips-missing-for-test.so.42"));
            // the fallback engine refuses WebP and names the native backend, as before issue 9
            ImageEngine engine = ImageEngine.create(codec, new EngineLimits(100, 20, 1L << 30));
            assertThatThrownBy(() -> engine.validate(Pipeline.of(new PipelineStep("convert", Map.of("format", "webp")))))
                    .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("native backend");
        } finally {
            logger.detachAppender(log);
        }
    }

    @Test
    void forcingVipsWithoutLibvipsFailsLoudly() {
        assertThatThrownBy(() -> CodecSelection.select("vips", "/nonexistent/libvips.so.42"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot be used")
                .hasMessageContaining("/nonexistent/libvips.so.42");
    }

    @Test
    void autoPicksLibvipsWhenInstalled() {
        Backends.assumeVips();
        assertThat(CodecSelection.select("auto", "libvips.so.42").name()).isEqualTo("libvips");
    }

    @Test
    void rejectsUnknownModes() {
        assertThatThrownBy(() -> CodecSelection.select("gpu", "libvips.so.42")).isInstanceOf(IllegalArgumentException.class);
    }
}
