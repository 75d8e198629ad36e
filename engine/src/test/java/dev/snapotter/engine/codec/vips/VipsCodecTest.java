package dev.snapotter.engine.codec.vips;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.ImageEngine;
import dev.snapotter.engine.batch.CancellationToken;
import dev.snapotter.engine.codec.ImageCodec;
import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.OutputSpec;
import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.codec.imageio.ImageIoCodec;
import dev.snapotter.engine.pipeline.Pipeline;
import dev.snapotter.engine.pipeline.PipelineStep;
import dev.snapotter.engine.testing.Backends;
import dev.snapotter.engine.testing.ExifBuilder;
import dev.snapotter.engine.testing.TestImages;
import dev.snapotter.engine.tool.InvalidSettingsException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.snapotter.engine.resample.SyntheticImages.photo;
import static dev.snapotter.engine.resample.SyntheticImages.psnr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The libvips backend against the pure-Java one: same pictures within tolerance, formats Java cannot write, no leaks. */
class VipsCodecTest {

    static final EngineLimits LIMITS = new EngineLimits(100, 20, 1L << 30);

    @TempDir
    Path dir;
    private VipsCodec vips;
    private final ImageCodec jcodec = new ImageIoCodec();

    @BeforeEach
    void needsVips() {
        vips = Backends.assumeVips();
    }

    @Test
    void reportsItsNameAndVersion() {
        assertThat(vips.name()).isEqualTo("libvips");
        assertThat(vips.version()).matches("8\\.\\d+\\.\\d+.*");
        assertThat(vips.writableFormats()).contains(ImageFormat.WEBP, ImageFormat.AVIF, ImageFormat.HEIF, ImageFormat.JPEG, ImageFormat.ICO);
        assertThat(vips.readableFormats()).containsAll(jcodec.readableFormats()).contains(ImageFormat.AVIF, ImageFormat.HEIF);
    }

    @Test
    void decodesTheSamePixelsAsTheJavaBackend() {
        BufferedImage src = photo(640, 480, BufferedImage.TYPE_3BYTE_BGR, 7);
        Path jpg = TestImages.write(dir, "p.jpg", TestImages.jpeg(src, 90));
        Path png = TestImages.write(dir, "p.png", TestImages.png(photo(320, 200, BufferedImage.TYPE_4BYTE_ABGR, 3)));
        // both use libjpeg(-turbo) style IDCTs; they differ only by rounding
        assertThat(psnr(vips.decode(jpg, LIMITS).pixels(), jcodec.decode(jpg, LIMITS).pixels())).isGreaterThan(40);
        Picture vp = vips.decode(png, LIMITS);
        assertThat(vp.pixels().getType()).isEqualTo(BufferedImage.TYPE_4BYTE_ABGR);
        assertThat(psnr(vp.pixels(), jcodec.decode(png, LIMITS).pixels())).isGreaterThan(90); // PNG is lossless: identical
    }

    @Test
    void appliesExifOrientationLikeTheJavaBackend() {
        byte[] jpeg = TestImages.withExif(TestImages.jpeg(TestImages.quadrants(200, 100), 95), ExifBuilder.exif().orientation(6).build());
        Path file = TestImages.write(dir, "rotated.jpg", jpeg);
        Picture v = vips.decode(file, LIMITS);
        Picture j = jcodec.decode(file, LIMITS);
        assertThat(v.width()).isEqualTo(100).isEqualTo(j.width());
        assertThat(v.height()).isEqualTo(200).isEqualTo(j.height());
        assertThat(psnr(v.pixels(), j.pixels())).isGreaterThan(35);
        assertThat(v.metadata().exif()).isNotNull(); // carried, orientation reset on write
    }

    @Test
    void convertsCmykToRgbLikeTheJavaBackend() {
        Path file = TestImages.write(dir, "cmyk.jpg", TestImages.cmykJpeg(120, 80));
        Picture v = vips.decode(file, LIMITS);
        Picture j = jcodec.decode(file, LIMITS);
        assertThat(v.pixels().getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        assertThat(v.width()).isEqualTo(j.width());
        // both convert through a CMYK profile, but not the same one (libvips' built-in CMYK profile through lcms,
        // TwelveMonkeys' Generic CMYK): the colours agree only roughly; an inverted or swapped result would be far off
        assertThat(psnr(v.pixels(), j.pixels())).isGreaterThan(12);
        assertThat(meanLuma(v.pixels())).isCloseTo(meanLuma(j.pixels()), org.assertj.core.data.Offset.offset(20.0));
        assertThat(v.metadata().icc()).as("the CMYK profile no longer describes RGB values").isNull();
    }

    @Test
    void thumbnailFitsTheBox() {
        Path file = TestImages.write(dir, "big.jpg", TestImages.jpeg(photo(1600, 900, BufferedImage.TYPE_3BYTE_BGR, 1), 90));
        Picture t = vips.decodeThumbnail(file, 256, LIMITS);
        assertThat(Math.max(t.width(), t.height())).isEqualTo(256);
        assertThat(t.height()).isEqualTo(144);
    }

    @Test
    void resizePipelineMatchesTheJavaPathWithinTolerance() {
        BufferedImage src = photo(1800, 1200, BufferedImage.TYPE_3BYTE_BGR, 11);
        Path in = TestImages.write(dir, "in.png", TestImages.png(src));
        var steps = Pipeline.of(new PipelineStep("resize", Map.of("width", 600)));
        Path viaVips = ImageEngine.create(vips, LIMITS).processFile(in, ImageEngine.create(vips, LIMITS).validate(steps), dir.resolve("v.png"), new CancellationToken());
        Path viaJava = ImageEngine.create(jcodec, LIMITS).processFile(in, ImageEngine.create(jcodec, LIMITS).validate(steps), dir.resolve("j.png"), new CancellationToken());
        BufferedImage v = jcodec.decode(viaVips, LIMITS).pixels();
        BufferedImage j = jcodec.decode(viaJava, LIMITS).pixels();
        assertThat(v.getWidth()).isEqualTo(600);
        assertThat(v.getHeight()).isEqualTo(400).isEqualTo(j.getHeight());
        assertThat(psnr(v, j)).as("libvips Lanczos3 vs our Lanczos3").isGreaterThan(45);
    }

    @Test
    void jpegEncodeMatchesTheJavaEncoderWithinTolerance() throws Exception {
        BufferedImage src = photo(800, 600, BufferedImage.TYPE_3BYTE_BGR, 5);
        Picture p = new Picture(src, dev.snapotter.engine.codec.ImageMetadata.NONE, OutputSpec.of(ImageFormat.JPEG).withQuality(85));
        BufferedImage v = jcodec.decode(write(vips, p, "v.jpg"), LIMITS).pixels();
        BufferedImage j = jcodec.decode(write(jcodec, p, "j.jpg"), LIMITS).pixels();
        assertThat(psnr(v, src)).isGreaterThan(30);
        assertThat(psnr(v, j)).isGreaterThan(35);
    }

    @ParameterizedTest
    @ValueSource(strings = {"webp", "avif", "heic"})
    void roundTripsFormatsJavaCannotWrite(String format) throws Exception {
        BufferedImage src = photo(320, 240, BufferedImage.TYPE_3BYTE_BGR, 9);
        ImageFormat f = ImageFormat.fromName(format).orElseThrow();
        Path file = write(vips, new Picture(src, dev.snapotter.engine.codec.ImageMetadata.NONE, OutputSpec.of(f).withQuality(80)), "out." + format);
        assertThat(vips.probe(file).format()).isEqualTo(f);
        Picture back = vips.decode(file, LIMITS);
        assertThat(back.width()).isEqualTo(320);
        assertThat(back.height()).isEqualTo(240);
        assertThat(psnr(back.pixels(), src)).isGreaterThan(28);
    }

    @Test
    void convertToWebpValidatesOnlyWhenVipsIsActive() {
        var toWebp = Pipeline.of(new PipelineStep("convert", Map.of("format", "webp")));
        assertThat(ImageEngine.create(vips, LIMITS).validate(toWebp).steps()).hasSize(1);
        assertThatThrownBy(() -> ImageEngine.create(jcodec, LIMITS).validate(toWebp))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("native backend");
    }

    @ParameterizedTest
    @ValueSource(strings = {"webp", "avif", "heif"})
    void convertPipelineWritesTheNewFormat(String format) {
        Path in = TestImages.write(dir, "c.png", TestImages.png(photo(300, 200, BufferedImage.TYPE_4BYTE_ABGR, 8)));
        ImageEngine engine = ImageEngine.create(vips, LIMITS);
        Path out = engine.processFile(in, engine.validate(Pipeline.of(new PipelineStep("resize", Map.of("width", 150)),
                new PipelineStep("convert", Map.of("format", format, "quality", 60)))), dir.resolve("c.out"), new CancellationToken());
        ImageFormat expected = ImageFormat.fromName(format).orElseThrow();
        assertThat(out.getFileName().toString()).endsWith("." + expected.extension());
        assertThat(vips.probe(out).format()).isEqualTo(expected);
        Picture back = vips.decode(out, LIMITS);
        assertThat(back.width()).isEqualTo(150);
        assertThat(back.pixels().getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void keepsAlphaInWebpAndFlattensItForJpeg() throws Exception {
        BufferedImage src = photo(200, 100, BufferedImage.TYPE_4BYTE_ABGR, 4);
        Picture p = new Picture(src, dev.snapotter.engine.codec.ImageMetadata.NONE, OutputSpec.of(ImageFormat.WEBP).withQuality(90));
        assertThat(vips.decode(write(vips, p, "a.webp"), LIMITS).pixels().getColorModel().hasAlpha()).isTrue();
        Picture asJpeg = p.withOutput(OutputSpec.of(ImageFormat.JPEG));
        BufferedImage v = jcodec.decode(write(vips, asJpeg, "a.jpg"), LIMITS).pixels();
        BufferedImage j = jcodec.decode(write(jcodec, asJpeg, "b.jpg"), LIMITS).pixels();
        assertThat(psnr(v, j)).as("both composite on white").isGreaterThan(30);
    }

    @Test
    void carriesMetadataLikeTheJavaPath() throws Exception {
        byte[] jpeg = TestImages.withExif(TestImages.jpeg(640, 480), ExifBuilder.exif().camera("Otter", "Cam 1").build());
        Path in = TestImages.write(dir, "exif.jpg", jpeg);
        ImageEngine engine = ImageEngine.create(vips, LIMITS);
        Path out = engine.processFile(in, engine.validate(Pipeline.of(new PipelineStep("resize", Map.of("width", 320)))),
                dir.resolve("o.jpg"), new CancellationToken());
        assertThat(new String(Files.readAllBytes(out), java.nio.charset.StandardCharsets.ISO_8859_1)).contains("Otter");
        Path stripped = engine.processFile(in, engine.validate(Pipeline.of(new PipelineStep("resize", Map.of("width", 320)),
                new PipelineStep("strip-metadata", Map.of()))), dir.resolve("s.jpg"), new CancellationToken());
        assertThat(new String(Files.readAllBytes(stripped), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Otter");
    }

    @Test
    void releasesAllNativeMemoryAndFiles() throws Exception {
        Path jpg = TestImages.write(dir, "l.jpg", TestImages.jpeg(photo(1200, 800, BufferedImage.TYPE_3BYTE_BGR, 2), 90));
        Path bad = TestImages.write(dir, "bad.jpg", java.util.Arrays.copyOf(Files.readAllBytes(jpg), 20_000));
        ImageEngine engine = ImageEngine.create(vips, LIMITS);
        var resizeToWebp = engine.validate(Pipeline.of(new PipelineStep("resize", Map.of("width", 300)),
                new PipelineStep("convert", Map.of("format", "webp"))));
        Runnable round = () -> {
            Picture p = vips.decode(jpg, LIMITS);
            vips.encode(p.withOutput(OutputSpec.of(ImageFormat.PNG)), new ByteArrayOutputStream());
            vips.decodeThumbnail(jpg, 100, LIMITS);
            engine.processFile(jpg, resizeToWebp, dir.resolve("leak.webp"), new CancellationToken());
            assertThatThrownBy(() -> vips.decode(bad, LIMITS)).isInstanceOf(dev.snapotter.engine.ImageException.class);
        };
        for (int i = 0; i < 3; i++) round.run(); // warm-up: libvips allocates per-thread buffers once
        long[] before = vips.nativeUsage();
        for (int i = 0; i < 25; i++) round.run();
        long[] after = vips.nativeUsage();
        // libvips keeps a few region buffers per worker thread, and which pooled thread runs a job varies, so
        // allow a little slack; one leaked picture per round would be 25 × 2.9 MB.
        assertThat(after[0]).as("tracked bytes").isLessThanOrEqualTo(before[0] + (4 << 20));
        assertThat(after[1]).as("tracked allocations").isLessThanOrEqualTo(before[1] + 16);
        assertThat(after[2]).as("open files").isLessThanOrEqualTo(before[2]);
    }

    private static double meanLuma(BufferedImage img) {
        double sum = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                sum += 0.299 * (p >> 16 & 0xff) + 0.587 * (p >> 8 & 0xff) + 0.114 * (p & 0xff);
            }
        }
        return sum / ((double) img.getWidth() * img.getHeight());
    }

    private Path write(ImageCodec codec, Picture p, String name) throws Exception {
        Path f = dir.resolve(name);
        try (var out = Files.newOutputStream(f)) {
            codec.encode(p, out);
        }
        return f;
    }
}
