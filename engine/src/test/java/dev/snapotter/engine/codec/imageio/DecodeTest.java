package dev.snapotter.engine.codec.imageio;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.ImageException;
import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.ImageHeader;
import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.testing.ExifBuilder;
import dev.snapotter.engine.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading: formats by magic bytes, EXIF orientation, CMYK fallback, ICC kept, limits before decode. */
class DecodeTest {

    static final EngineLimits LIMITS = new EngineLimits(100, 20, 1L << 30);
    private final ImageIoCodec codec = new ImageIoCodec();

    @TempDir
    Path dir;

    @Test
    void jpegDecodesWithTheJdkReaderIntoPlainBgr() {
        BufferedImage src = TestImages.smooth(320, 200);
        Path f = TestImages.write(dir, "a.jpg", TestImages.jpeg(src, 95));
        Picture p = codec.decode(f, LIMITS);
        assertThat(p.pixels().getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        assertThat(Pixels.psnr(src, p.pixels())).isGreaterThan(30);
        assertThat(p.output().format()).isEqualTo(ImageFormat.JPEG);
    }

    /** Stored pixel (x, y) of a w×h image appears at this display position (EXIF 2.32, tag 0x0112). */
    private static int[] display(int o, int x, int y, int w, int h) {
        return switch (o) {
            case 2 -> new int[]{w - 1 - x, y};
            case 3 -> new int[]{w - 1 - x, h - 1 - y};
            case 4 -> new int[]{x, h - 1 - y};
            case 5 -> new int[]{y, x};
            case 6 -> new int[]{h - 1 - y, x};
            case 7 -> new int[]{h - 1 - y, w - 1 - x};
            case 8 -> new int[]{y, w - 1 - x};
            default -> new int[]{x, y};
        };
    }

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void exifOrientationIsAppliedOnRead(int orientation) {
        int w = 64;
        int h = 32;
        BufferedImage src = TestImages.quadrants(w, h);
        byte[] jpeg = TestImages.withExif(TestImages.jpeg(src, 100), ExifBuilder.exif().orientation(orientation).build());
        Path f = TestImages.write(dir, "o" + orientation + ".jpg", jpeg);

        ImageHeader header = codec.probe(f);
        Picture p = codec.decode(f, LIMITS);

        assertThat(header.orientation()).isEqualTo(orientation);
        assertThat(p.width()).isEqualTo(header.orientedWidth());
        assertThat(p.height()).isEqualTo(header.orientedHeight());
        int[][] samples = {{w / 4, h / 4}, {3 * w / 4, h / 4}, {w / 4, 3 * h / 4}, {3 * w / 4, 3 * h / 4}};
        for (int[] s : samples) {
            int[] d = display(orientation, s[0], s[1], w, h);
            assertThat(Pixels.near(p.pixels(), d[0], d[1], src.getRGB(s[0], s[1]), 12))
                    .as("stored (%d,%d) at display (%d,%d)", s[0], s[1], d[0], d[1]).isTrue();
        }
    }

    @Test
    void theJdkReaderDecodesOrdinaryAndProfiledJpegsAndTwelveMonkeysOnlyCmyk() {
        byte[] plain = TestImages.jpeg(40, 30);
        Path a = TestImages.write(dir, "plain.jpg", plain);
        Path b = TestImages.write(dir, "icc.jpg", TestImages.withIcc(plain, TestImages.linearRgbProfile()));
        Path c = TestImages.write(dir, "cmyk.jpg", TestImages.cmykJpeg(40, 30));
        assertThat(Decoder.decode(a, Probe.of(a), 1).usedFallback()).isFalse();
        assertThat(Decoder.decode(b, Probe.of(b), 1).usedFallback()).isFalse();
        assertThat(Decoder.decode(c, Probe.of(c), 1).usedFallback()).isTrue();
    }

    @Test
    void cmykJpegFallsBackToTwelveMonkeysAndDropsTheCmykProfile() {
        Path f = TestImages.write(dir, "cmyk.jpg", TestImages.cmykJpeg(40, 20));
        Picture p = codec.decode(f, LIMITS);
        assertThat(p.width()).isEqualTo(40);
        int cyan = p.pixels().getRGB(5, 10);
        int black = p.pixels().getRGB(35, 10);
        assertThat(cyan >> 16 & 0xff).as("cyan has little red").isLessThan(100);
        assertThat(cyan & 0xff).as("cyan has much blue").isGreaterThan(150);
        assertThat((black >> 16 & 0xff) + (black >> 8 & 0xff) + (black & 0xff)).as("black").isLessThan(150);
        assertThat(p.metadata().icc()).isNull();
    }

    @Test
    void iccTaggedJpegKeepsSampleValuesAndTheProfile() {
        BufferedImage src = TestImages.pattern(64, 48, false);
        byte[] plain = TestImages.jpeg(src, 90);
        byte[] icc = TestImages.linearRgbProfile();
        Path a = TestImages.write(dir, "plain.jpg", plain);
        Path b = TestImages.write(dir, "icc.jpg", TestImages.withIcc(plain, icc));
        Picture pa = codec.decode(a, LIMITS);
        Picture pb = codec.decode(b, LIMITS);
        assertThat(Pixels.psnr(pa.pixels(), pb.pixels())).isInfinite();
        assertThat(pb.metadata().icc()).isEqualTo(icc);
        assertThat(pb.pixels().getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
    }

    @Test
    void gpsPresenceIsReported() {
        byte[] jpeg = TestImages.withExif(TestImages.jpeg(32, 32), ExifBuilder.exif().withGps().build());
        Picture p = codec.decode(TestImages.write(dir, "gps.jpg", jpeg), LIMITS);
        assertThat(p.metadata().hasGps()).isTrue();
        assertThat(p.metadata().exif()).isNotNull();
    }

    @Test
    void pngWithAlphaKeepsAlpha() {
        BufferedImage src = TestImages.pattern(50, 30, true);
        Picture p = codec.decode(TestImages.write(dir, "a.png", TestImages.png(src)), LIMITS);
        assertThat(p.pixels().getColorModel().hasAlpha()).isTrue();
        assertThat(p.pixels().getRGB(3, 3)).isEqualTo(src.getRGB(3, 3));
        assertThat(p.output().format()).isEqualTo(ImageFormat.PNG);
    }

    @Test
    void multiPageTiffDecodesTheFirstPageAndCountsFrames() {
        Path f = TestImages.write(dir, "pages.tif", TestImages.multiPageTiff(40, 30, 3));
        ImageHeader h = codec.probe(f);
        assertThat(h.format()).isEqualTo(ImageFormat.TIFF);
        assertThat(h.frames()).isEqualTo(3);
        assertThat(codec.decode(f, LIMITS).width()).isEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gif", "bmp", "psd", "pnm", "tga", "iff", "ico"})
    void formatsWrittenByImageIoDecode(String format) {
        BufferedImage src = TestImages.pattern(48, 32, false);
        if (format.equals("ico")) src = TestImages.toType(TestImages.pattern(32, 32, true), BufferedImage.TYPE_4BYTE_ABGR);
        Path f = TestImages.write(dir, "x.bin", TestImages.encode(src, format));
        ImageHeader h = codec.probe(f);
        Picture p = codec.decode(f, LIMITS);
        assertThat(h.format()).isEqualTo(ImageFormat.fromName(format).orElseThrow());
        assertThat(p.width()).isEqualTo(src.getWidth());
        assertThat(p.height()).isEqualTo(src.getHeight());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gradient-16x12.webp", "green-10x6.pcx", "green-10x6.sgi", "green-10x6.hdr"})
    void storedSamplesOfReadOnlyFormatsDecode(String name) {
        Path f = TestImages.write(dir, "sample.dat", TestImages.sample(name));
        Picture p = codec.decode(f, LIMITS);
        assertThat(name).contains(p.width() + "x" + p.height());
        assertThat(p.output().format()).as("unwritable formats default to PNG output").isEqualTo(ImageFormat.PNG);
        int rgb = p.pixels().getRGB(2, 2);
        if (name.startsWith("green")) assertThat(rgb >> 8 & 0xff).as("green dominates").isGreaterThan((rgb >> 16 & 0xff) + 60);
    }

    @Test
    void megapixelLimitIsCheckedBeforeDecoding() {
        Path f = TestImages.write(dir, "a.png", TestImages.png(400, 300, false));
        assertThatThrownBy(() -> codec.decode(f, new EngineLimits(0.1, 20, 1L << 30)))
                .isInstanceOfSatisfying(ImageException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ImageException.Kind.TOO_LARGE);
                    assertThat(e.getMessage()).contains("400×300").contains("0.1 megapixels");
                });
    }

    @Test
    void memoryBudgetIsCheckedBeforeDecoding() {
        Path f = TestImages.write(dir, "a.png", TestImages.png(400, 300, false));
        assertThatThrownBy(() -> codec.decode(f, new EngineLimits(100, 20, 100_000)))
                .isInstanceOfSatisfying(ImageException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ImageException.Kind.MEMORY_BUDGET);
                    assertThat(e.getMessage()).contains("memory budget");
                });
    }

    @Test
    void thumbnailUsesSubsamplingSoTheFullRasterIsNeverAllocated() {
        Path f = TestImages.write(dir, "big.jpg", TestImages.jpeg(3000, 2000));
        EngineLimits tight = new EngineLimits(100, 20, 8L << 20); // full decode needs ~46 MB
        assertThatThrownBy(() -> codec.decode(f, tight)).isInstanceOf(ImageException.class);
        Picture thumb = codec.decodeThumbnail(f, 256, tight);
        assertThat(Math.max(thumb.width(), thumb.height())).isEqualTo(256);
        assertThat(thumb.width()).isBetween(254, 258);
        assertThat(thumb.height()).isBetween(168, 172);
    }

    @Test
    void thumbnailHonoursOrientation() {
        byte[] jpeg = TestImages.withExif(TestImages.jpeg(400, 200), ExifBuilder.exif().orientation(6).build());
        Picture thumb = codec.decodeThumbnail(TestImages.write(dir, "t.jpg", jpeg), 100, LIMITS);
        assertThat(thumb.width()).isEqualTo(50);
        assertThat(thumb.height()).isEqualTo(100);
    }
}
