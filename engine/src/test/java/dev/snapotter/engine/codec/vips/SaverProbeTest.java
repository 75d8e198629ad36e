package dev.snapotter.engine.codec.vips;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.ImageEngine;
import dev.snapotter.engine.ImageException;
import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.ImageMetadata;
import dev.snapotter.engine.codec.OutputSpec;
import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.pipeline.Pipeline;
import dev.snapotter.engine.pipeline.PipelineStep;
import dev.snapotter.engine.testing.Backends;
import dev.snapotter.engine.testing.TestImages;
import dev.snapotter.engine.tool.InvalidSettingsException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Output formats follow what the loaded libvips can save, found by trial encodes, and refusals name what is missing. */
class SaverProbeTest {

    static final String NO_AV1 = "heifsave: Unsupported feature: Unsupported codec";

    @Test
    void failingTrialsAreListedWithAReasonNamingTheMissingEncoder() {
        Map<ImageFormat, String> out = SaverProbe.unavailable(SaveOptions.NATIVE,
                f -> f == ImageFormat.AVIF ? Optional.of(NO_AV1) : Optional.empty(), "8.14.1");
        assertThat(out).containsOnlyKeys(ImageFormat.AVIF);
        assertThat(out.get(ImageFormat.AVIF)).contains("AV1 encoder", "libaom", "8.14.1", NO_AV1);
    }

    @Test
    void reasonsPerFormat() {
        assertThat(SaverProbe.reason(ImageFormat.HEIF, "8.16.0", "heifsave: Unsupported codec")).contains("HEIC", "HEVC encoder", "x265");
        assertThat(SaverProbe.reason(ImageFormat.AVIF, "8.13.3", "VipsForeignSave: \".heif\" is not a known file format"))
                .contains("built without HEIF/AVIF support", "8.13.3");
        assertThat(SaverProbe.reason(ImageFormat.WEBP, "8.14.1", "boom")).contains("WEBP", "test encode", "boom");
        assertThat(SaverProbe.reason(ImageFormat.AVIF, "8.14.1", "")).doesNotContain("libvips: )");
    }

    @Test
    void aTrialThatThrowsCountsAsFailed() {
        Map<ImageFormat, String> out = SaverProbe.unavailable(java.util.Set.of(ImageFormat.HEIF, ImageFormat.PNG), f -> {
            if (f == ImageFormat.HEIF) throw new IllegalStateException("encoder crashed");
            return Optional.empty();
        }, "8.14.1");
        assertThat(out).containsOnlyKeys(ImageFormat.HEIF);
        assertThat(out.get(ImageFormat.HEIF)).contains("encoder crashed");
    }

    @Test
    void everySaverOfThisLibvipsPassesItsRealTrial() {
        VipsCodec vips = Backends.assumeVips();
        Vips v = new Vips(VipsLibrary.load(VipsLibrary.DEFAULT_NAME).orElseThrow());
        // Debian 12's libvips 8.14 + libheif 1.15 ship aom and x265: everything advertised must really encode
        assertThat(SaverProbe.unavailable(SaveOptions.NATIVE, SaverProbe.using(v), vips.version())).isEmpty();
        assertThat(vips.writableFormats()).containsAll(SaveOptions.NATIVE);
        assertThat(vips.unwritableReason(ImageFormat.AVIF)).isEmpty();
        // the trial runs through the real saver: a bogus option string does fail it
        Optional<String> bogus = probeWith(v, ".heif[compression=nosuchcodec]");
        assertThat(bogus).isPresent();
    }

    @Test
    void aFormatWhoseEncoderIsMissingIsRefusedAtValidationNotMidPipeline() {
        Backends.assumeVips();
        List<ImageFormat> tried = new ArrayList<>();
        VipsLibrary lib = VipsLibrary.load(VipsLibrary.DEFAULT_NAME).orElseThrow();
        VipsCodec noAv1 = new VipsCodec(lib, f -> {
            tried.add(f);
            return f == ImageFormat.AVIF ? Optional.of(NO_AV1) : Optional.empty();
        });
        assertThat(tried).as("nothing is probed before it is needed").isEmpty();
        assertThat(noAv1.writableFormats()).doesNotContain(ImageFormat.AVIF).contains(ImageFormat.HEIF, ImageFormat.WEBP);
        assertThat(noAv1.unwritableReason(ImageFormat.AVIF)).get().asString().contains("AV1 encoder");
        noAv1.writableFormats();
        assertThat(tried).as("probed once").hasSize(SaveOptions.NATIVE.size());

        EngineLimits limits = new EngineLimits(100, 20, 1L << 30);
        ImageEngine engine = ImageEngine.create(noAv1, limits);
        assertThatThrownBy(() -> engine.validate(Pipeline.of(new PipelineStep("convert", Map.of("format", "avif")))))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("AV1 encoder")
                .hasMessageContaining("heic");
        assertThat(engine.validate(Pipeline.of(new PipelineStep("convert", Map.of("format", "heic")))).steps()).hasSize(1);
        assertThat(noAv1.canTranscode(ImageFormat.JPEG, OutputSpec.of(ImageFormat.AVIF))).isFalse();
        assertThat(noAv1.canTranscode(ImageFormat.JPEG, OutputSpec.of(ImageFormat.HEIF))).isTrue();
        // a caller that skips validation gets the same reason, not a Java "not supported" or a libheif crash
        Picture p = new Picture(TestImages.quadrants(32, 32), ImageMetadata.NONE, OutputSpec.of(ImageFormat.AVIF));
        assertThatThrownBy(() -> noAv1.encode(p, new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(ImageException.class, e -> assertThat(e.kind()).isEqualTo(ImageException.Kind.UNSUPPORTED_FORMAT))
                .hasMessageContaining("AV1 encoder");
        assertThat(noAv1.initialOutput(ImageFormat.AVIF).format()).isEqualTo(ImageFormat.PNG);
    }

    @Test
    void aJpegJobTriesOnlyTheJpegSaver() {
        Backends.assumeVips();
        List<ImageFormat> tried = new ArrayList<>();
        VipsCodec codec = new VipsCodec(VipsLibrary.load(VipsLibrary.DEFAULT_NAME).orElseThrow(), f -> {
            tried.add(f);
            return Optional.empty();
        });
        assertThat(codec.initialOutput(ImageFormat.JPEG).format()).isEqualTo(ImageFormat.JPEG);
        assertThat(codec.canTranscode(ImageFormat.JPEG, OutputSpec.of(ImageFormat.JPEG))).isTrue();
        assertThat(codec.canWrite(ImageFormat.BMP)).as("a Java-only format needs no trial").isTrue();
        codec.canWrite(ImageFormat.JPEG);
        // a one-shot resize must not start the AV1 and HEVC encoders (tens of ms on a cold JVM)
        assertThat(tried).containsExactly(ImageFormat.JPEG);
    }

    private static Optional<String> probeWith(Vips v, String suffix) {
        byte[] grey = new byte[16 * 16 * 3];
        try (VipsImage img = v.fromPixels(grey, 16, 16, 3)) {
            v.save(img, suffix);
            return Optional.empty();
        } catch (VipsException e) {
            return Optional.of(e.getMessage());
        }
    }
}
