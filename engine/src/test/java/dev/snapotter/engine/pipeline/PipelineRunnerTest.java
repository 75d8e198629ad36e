package dev.snapotter.engine.pipeline;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.ImageEngine;
import dev.snapotter.engine.ImageException;
import dev.snapotter.engine.batch.CancellationToken;
import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.OutputSpec;
import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.codec.imageio.ImageIoCodec;
import dev.snapotter.engine.testing.ExifBuilder;
import dev.snapotter.engine.testing.HostileCorpus;
import dev.snapotter.engine.testing.TestImages;
import dev.snapotter.engine.tool.ImageTool;
import dev.snapotter.engine.tool.InvalidSettingsException;
import dev.snapotter.engine.tool.ParamSpec;
import dev.snapotter.engine.tool.Settings;
import dev.snapotter.engine.tool.ToolContext;
import dev.snapotter.engine.tool.ToolDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** File-to-file runs: output naming, atomic writes, input protection, cancellation. */
class PipelineRunnerTest {

    static final EngineLimits LIMITS = new EngineLimits(100, 20, 1L << 30);
    private final ImageEngine engine = ImageEngine.create(LIMITS);

    @TempDir
    Path dir;

    private ValidatedPipeline pipeline(PipelineStep... steps) {
        return engine.validate(Pipeline.of(steps));
    }

    private static PipelineStep step(String tool, Map<String, Object> settings) {
        return new PipelineStep(tool, settings);
    }

    @Test
    void outputExtensionFollowsTheOutputFormat() throws IOException {
        Path in = TestImages.write(dir.resolve("in"), "photo.jpg", TestImages.jpeg(60, 40));
        Path written = engine.processFile(in, pipeline(step("convert", Map.of("format", "png"))), dir.resolve("out/photo.jpg"), null);
        assertThat(written).isEqualTo(dir.resolve("out/photo.png"));
        assertThat(new ImageIoCodec().probe(written).format()).isEqualTo(ImageFormat.PNG);
        assertThat(listing(dir.resolve("out"))).containsExactly("photo.png");
    }

    @Test
    void aMatchingExtensionIsKept() {
        Path in = TestImages.write(dir, "a.png", TestImages.png(20, 20, false));
        Path written = engine.processFile(in, pipeline(step("convert", Map.of("format", "jpg"))), dir.resolve("b.jpeg"), null);
        assertThat(written.getFileName().toString()).isEqualTo("b.jpeg");
    }

    @Test
    void neverWritesOntoTheInput() throws IOException {
        Path in = TestImages.write(dir, "same.png", TestImages.png(20, 20, false));
        byte[] before = Files.readAllBytes(in);
        assertThatThrownBy(() -> engine.processFile(in, pipeline(step("convert", Map.of("format", "png"))), in, null))
                .isInstanceOfSatisfying(ImageException.class, e -> assertThat(e.getMessage()).contains("refusing to overwrite the input"));
        assertThat(Files.readAllBytes(in)).isEqualTo(before);
        assertThat(listing(dir)).containsExactly("same.png");
    }

    @Test
    void aFailingInputLeavesNoFileBehind() throws IOException {
        HostileCorpus.Entry truncated = HostileCorpus.failing().stream().filter(e -> e.name().equals("truncated-jpeg")).findFirst().orElseThrow();
        Path in = truncated.writeTo(dir.resolve("in"));
        assertThatThrownBy(() -> engine.processFile(in, pipeline(step("convert", Map.of("format", "png"))), dir.resolve("out/x.png"), null))
                .isInstanceOf(ImageException.class);
        assertThat(Files.exists(dir.resolve("out")) ? listing(dir.resolve("out")) : List.of()).isEmpty();
    }

    @Test
    void anEncodeFailureLeavesNoTempFile() throws IOException {
        // a tool that asks for an ICO larger than the format allows: the encoder fails mid-write
        ImageTool icoTool = new ImageTool() {
            @Override
            public ToolDescriptor descriptor() {
                return new ToolDescriptor("to-ico", "to ico", "utilities", "test", List.<ParamSpec>of(), true);
            }

            @Override
            public Picture apply(Picture input, Settings settings, ToolContext context) {
                return input.withOutput(OutputSpec.of(ImageFormat.ICO));
            }
        };
        ValidatedPipeline p = new ValidatedPipeline(List.of(new ValidatedPipeline.Step(icoTool, icoTool.validate(Map.of()))));
        Path in = TestImages.write(dir.resolve("in"), "big.png", TestImages.png(300, 300, false));
        PipelineRunner runner = new PipelineRunner(new ImageIoCodec(), LIMITS);
        assertThatThrownBy(() -> runner.processFile(in, p, dir.resolve("out/big.ico"), null)).isInstanceOf(ImageException.class);
        assertThat(listing(dir.resolve("out"))).isEmpty();
    }

    @Test
    void cancellationBeforeStartWritesNothing() throws IOException {
        Path in = TestImages.write(dir.resolve("in"), "a.jpg", TestImages.jpeg(40, 40));
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThatThrownBy(() -> engine.processFile(in, pipeline(step("convert", Map.of("format", "png"))), dir.resolve("out/a.png"), token))
                .isInstanceOf(CancellationException.class);
        assertThat(Files.exists(dir.resolve("out/a.png"))).isFalse();
    }

    @Test
    void cancellationDuringTheStepsWritesNothing() throws IOException {
        CancellationToken token = new CancellationToken();
        ImageTool cancelling = new ImageTool() {
            @Override
            public ToolDescriptor descriptor() {
                return new ToolDescriptor("cancel-now", "cancel", "utilities", "test", List.<ParamSpec>of(), true);
            }

            @Override
            public Picture apply(Picture input, Settings settings, ToolContext context) {
                token.cancel();
                context.checkCancelled();
                return input;
            }
        };
        ValidatedPipeline p = new ValidatedPipeline(List.of(new ValidatedPipeline.Step(cancelling, cancelling.validate(Map.of()))));
        Path in = TestImages.write(dir.resolve("in"), "a.jpg", TestImages.jpeg(40, 40));
        assertThatThrownBy(() -> new PipelineRunner(new ImageIoCodec(), LIMITS).processFile(in, p, dir.resolve("out/a.jpg"), token))
                .isInstanceOf(CancellationException.class);
        assertThat(Files.exists(dir.resolve("out")) ? listing(dir.resolve("out")) : List.of()).isEmpty();
    }

    @Test
    void runtimeFieldErrorsNameTheirStep() {
        Picture p = new ImageIoCodec().decode(TestImages.write(dir, "a.png", TestImages.png(50, 50, false)), LIMITS);
        ValidatedPipeline crop = pipeline(step("convert", Map.of("format", "png")),
                step("crop", Map.of("left", 40, "top", 0, "width", 30, "height", 10)));
        assertThatThrownBy(() -> engine.apply(p, crop, ToolContext.of(LIMITS)))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e ->
                        assertThat(e.errors()).anySatisfy(fe -> assertThat(fe.path()).isEqualTo("steps[1].settings.width")));
    }

    @Test
    void iccAndExifSurviveADecodeAndReencode() {
        byte[] jpeg = TestImages.withIcc(TestImages.withExif(TestImages.jpeg(60, 40), ExifBuilder.exif().orientation(8).build()),
                TestImages.linearRgbProfile());
        Path in = TestImages.write(dir, "in.jpg", jpeg);
        Path out = engine.processFile(in, pipeline(step("compress", Map.of("quality", 70))), dir.resolve("out.jpg"), null);
        Picture back = new ImageIoCodec().decode(out, LIMITS);
        assertThat(back.metadata().icc()).isEqualTo(TestImages.linearRgbProfile());
        assertThat(back.metadata().exif()).isNotNull();
        assertThat(back.width()).as("rotated once, on the first decode").isEqualTo(40);
    }

    static List<String> listing(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
