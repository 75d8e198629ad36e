package dev.snapotter.engine.tools;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.ImageEngine;
import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.ImageMetadata;
import dev.snapotter.engine.codec.OutputSpec;
import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.codec.imageio.ExifTiff;
import dev.snapotter.engine.codec.imageio.ImageIoCodec;
import dev.snapotter.engine.pipeline.Pipeline;
import dev.snapotter.engine.pipeline.PipelineStep;
import dev.snapotter.engine.testing.ExifBuilder;
import dev.snapotter.engine.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** strip-metadata: the lossless JPEG marker copy and the decoded path. */
class StripMetadataToolTest {

    static final EngineLimits LIMITS = new EngineLimits(100, 20, 1L << 30);
    private final ImageEngine engine = ImageEngine.create(LIMITS);
    private final ImageIoCodec codec = new ImageIoCodec();

    @TempDir
    Path dir;

    private byte[] taggedJpeg(int orientation) {
        byte[] jpeg = TestImages.jpeg(TestImages.smooth(64, 48), 90);
        jpeg = TestImages.withIcc(jpeg, TestImages.linearRgbProfile());
        jpeg = TestImages.withXmp(jpeg, TestImages.xmpWithGps());
        jpeg = TestImages.withExif(jpeg, ExifBuilder.exif().orientation(orientation).withGps().build());
        return TestImages.insertJpegSegment(jpeg, 0xFE, "a comment".getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] run(byte[] input, Map<String, Object> settings, PipelineStep... more) throws IOException {
        Path in = TestImages.write(dir.resolve("in"), "in.jpg", input);
        PipelineStep[] steps = new PipelineStep[more.length + 1];
        steps[0] = new PipelineStep("strip-metadata", settings);
        System.arraycopy(more, 0, steps, 1, more.length);
        Path out = engine.processFile(in, engine.validate(Pipeline.of(steps)), dir.resolve("out/out.jpg"), null);
        return Files.readAllBytes(out);
    }

    @Test
    void stripAllOnJpegCopiesTheScanDataLosslessly() throws IOException {
        byte[] zipTail = "PK\3\4payload".getBytes(StandardCharsets.ISO_8859_1);
        byte[] input = TestImages.concat(taggedJpeg(1), zipTail);
        byte[] out = run(input, Map.of());

        assertThat(scanData(out)).isEqualTo(scanData(input));
        assertThat(markers(out)).doesNotContain(0xE1, 0xE2, 0xFE);
        assertThat(out[out.length - 2] & 0xff).isEqualTo(0xFF);
        assertThat(out[out.length - 1] & 0xff).as("nothing after EOI").isEqualTo(0xD9);
        Picture back = codec.decode(TestImages.write(dir, "back.jpg", out), LIMITS);
        assertThat(back.metadata().isEmpty()).isTrue();
    }

    @Test
    void strippingExifOfARotatedJpegKeepsOnlyTheOrientation() throws IOException {
        byte[] out = run(taggedJpeg(6), Map.of());
        Picture back = codec.decode(TestImages.write(dir, "back.jpg", out), LIMITS);
        assertThat(back.width()).as("still displayed upright").isEqualTo(48);
        assertThat(ExifTiff.of(back.metadata().exif()).summary()).doesNotContainKey("make").containsEntry("orientation", 6);
    }

    @Test
    void stripGpsRemovesTheCoordinatesButKeepsTheRest() throws IOException {
        byte[] input = taggedJpeg(1);
        byte[] marker = ByteBuffer.allocate(4).putInt(ExifBuilder.GPS_MARKER_SECONDS).array();
        assertThat(indexOf(input, marker)).isPositive();

        byte[] out = run(input, Map.of("stripAll", false, "stripGps", true));

        assertThat(indexOf(out, marker)).as("GPS bytes erased").isNegative();
        assertThat(scanData(out)).isEqualTo(scanData(input));
        Picture back = codec.decode(TestImages.write(dir, "back.jpg", out), LIMITS);
        assertThat(back.metadata().hasGps()).isFalse();
        assertThat(ExifTiff.of(back.metadata().exif()).summary()).containsEntry("make", "OtterCam");
        String xmp = new String(back.metadata().xmp(), StandardCharsets.UTF_8);
        assertThat(xmp).doesNotContain("GPS").contains("dc:format");
        assertThat(back.metadata().icc()).isNotNull();
    }

    @Test
    void stripIccOnlyKeepsExifAndXmp() throws IOException {
        byte[] out = run(taggedJpeg(1), Map.of("stripAll", false, "stripIcc", true));
        Picture back = codec.decode(TestImages.write(dir, "back.jpg", out), LIMITS);
        assertThat(back.metadata().icc()).isNull();
        assertThat(back.metadata().exif()).isNotNull();
        assertThat(back.metadata().xmp()).isNotNull();
    }

    @Test
    void withAnotherStepThePictureIsReencodedAndStillStripped() throws IOException {
        byte[] input = taggedJpeg(1);
        byte[] out = run(input, Map.of(), new PipelineStep("compress", Map.of("quality", 60)));
        assertThat(scanData(out)).isNotEqualTo(scanData(input));
        Picture back = codec.decode(TestImages.write(dir, "back.jpg", out), LIMITS);
        assertThat(back.metadata().isEmpty()).isTrue();
    }

    @Test
    void decodedPathStripsPngMetadata() throws IOException {
        Picture tagged = new Picture(TestImages.pattern(30, 20, true),
                new ImageMetadata(TestImages.linearRgbProfile(), ExifBuilder.exif().withGps().build(),
                        TestImages.xmpWithGps().getBytes(StandardCharsets.UTF_8), true), OutputSpec.of(ImageFormat.PNG));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        codec.encode(tagged, bytes);
        Path in = TestImages.write(dir.resolve("in"), "in.png", bytes.toByteArray());

        Path gpsOnly = engine.processFile(in, engine.validate(Pipeline.of(new PipelineStep("strip-metadata",
                Map.of("stripAll", false, "stripGps", true)))), dir.resolve("out/gps.png"), null);
        Path all = engine.processFile(in, engine.validate(Pipeline.of(new PipelineStep("strip-metadata", Map.of()))),
                dir.resolve("out/all.png"), null);

        Picture g = codec.decode(gpsOnly, LIMITS);
        assertThat(g.metadata().hasGps()).isFalse();
        assertThat(g.metadata().icc()).isNotNull();
        assertThat(new String(g.metadata().xmp(), StandardCharsets.UTF_8)).doesNotContain("GPS");
        assertThat(codec.decode(all, LIMITS).metadata().isEmpty()).isTrue();
        String raw = new String(Files.readAllBytes(all), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("iCCP").doesNotContain("eXIf").doesNotContain("iTXt");
    }

    /** Bytes from the first SOS marker to the end of image. */
    static byte[] scanData(byte[] jpeg) {
        int sos = indexOf(jpeg, new byte[]{(byte) 0xFF, (byte) 0xDA});
        int eoi = lastIndexOf(jpeg, new byte[]{(byte) 0xFF, (byte) 0xD9});
        return Arrays.copyOfRange(jpeg, sos, eoi + 2);
    }

    /** Marker codes of the header segments (up to SOS). */
    static java.util.List<Integer> markers(byte[] jpeg) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        int i = 2;
        while (i + 4 <= jpeg.length) {
            int m = jpeg[i + 1] & 0xff;
            out.add(m);
            if (m == 0xDA) break;
            i += 2 + ((jpeg[i + 2] & 0xff) << 8 | (jpeg[i + 3] & 0xff));
        }
        return out;
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    static int lastIndexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = hay.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
