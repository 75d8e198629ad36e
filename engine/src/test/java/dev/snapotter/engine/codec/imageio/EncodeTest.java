package dev.snapotter.engine.codec.imageio;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.ImageException;
import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.ImageMetadata;
import dev.snapotter.engine.codec.OutputSpec;
import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.testing.ExifBuilder;
import dev.snapotter.engine.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writing: every writable format round-trips, JPEG options work, kept metadata is embedded. */
class EncodeTest {

    static final EngineLimits LIMITS = new EngineLimits(100, 20, 1L << 30);
    private final ImageIoCodec codec = new ImageIoCodec();

    @TempDir
    Path dir;

    private byte[] encode(Picture p) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.encode(p, out);
        return out.toByteArray();
    }

    private Picture decode(byte[] bytes, String name) {
        return codec.decode(TestImages.write(dir, name, bytes), LIMITS);
    }

    private static Picture picture(BufferedImage img, OutputSpec spec) {
        return new Picture(img, ImageMetadata.NONE, spec);
    }

    @ParameterizedTest
    @EnumSource(value = ImageFormat.class, names = {"JPEG", "PNG", "TIFF", "BMP", "GIF", "ICO"})
    void everyWritableFormatRoundTrips(ImageFormat format) {
        BufferedImage src = TestImages.smooth(format == ImageFormat.ICO ? 64 : 120, format == ImageFormat.ICO ? 64 : 80);
        byte[] bytes = encode(picture(src, OutputSpec.of(format).withQuality(95)));
        assertThat(FormatSniffer.sniff(bytes)).isEqualTo(format);
        Picture back = decode(bytes, "x." + format.extension());
        assertThat(back.width()).isEqualTo(src.getWidth());
        assertThat(back.height()).isEqualTo(src.getHeight());
        double minPsnr = switch (format) {
            case JPEG -> 35;
            case GIF -> 20; // 256-colour palette
            default -> Double.POSITIVE_INFINITY;
        };
        assertThat(Pixels.psnr(src, back.pixels())).isGreaterThanOrEqualTo(minPsnr);
    }

    @Test
    void jpegQualityAndProgressiveAreHonoured() {
        BufferedImage src = noise(200, 200);
        byte[] low = encode(picture(src, OutputSpec.of(ImageFormat.JPEG).withQuality(30)));
        byte[] high = encode(picture(src, OutputSpec.of(ImageFormat.JPEG).withQuality(95)));
        byte[] progressive = encode(picture(src, OutputSpec.of(ImageFormat.JPEG).withProgressive(true)));
        assertThat(low.length).isLessThan(high.length / 2);
        assertThat(indexOf(progressive, (byte) 0xFF, (byte) 0xC2)).as("SOF2 marker").isPositive();
        assertThat(indexOf(high, (byte) 0xFF, (byte) 0xC2)).isNegative();
    }

    @Test
    void jpegCarriesExifXmpAndIccWithOrientationReset() {
        byte[] exif = ExifBuilder.exif().orientation(6).build();
        byte[] icc = TestImages.linearRgbProfile();
        byte[] xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>".getBytes(StandardCharsets.UTF_8);
        Picture p = new Picture(TestImages.smooth(40, 30), new ImageMetadata(icc, exif, xmp, false), OutputSpec.of(ImageFormat.JPEG));

        Picture back = decode(encode(p), "m.jpg");

        assertThat(back.metadata().icc()).isEqualTo(icc);
        assertThat(back.metadata().xmp()).isEqualTo(xmp);
        assertThat(ExifTiff.of(back.metadata().exif()).orientation()).isEqualTo(1);
        assertThat(ExifTiff.of(back.metadata().exif()).summary()).containsEntry("make", "OtterCam");
        assertThat(back.width()).as("not rotated again").isEqualTo(40);
    }

    @Test
    void pngCarriesExifXmpAndIcc() {
        byte[] exif = ExifBuilder.exif().build();
        byte[] icc = TestImages.linearRgbProfile();
        byte[] xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>".getBytes(StandardCharsets.UTF_8);
        Picture p = new Picture(TestImages.pattern(40, 30, true), new ImageMetadata(icc, exif, xmp, false), OutputSpec.of(ImageFormat.PNG));
        Picture back = decode(encode(p), "m.png");
        assertThat(back.metadata().icc()).isEqualTo(icc);
        assertThat(back.metadata().xmp()).isEqualTo(xmp);
        assertThat(back.metadata().exif()).isNotNull();
        assertThat(back.pixels().getRGB(5, 5)).isEqualTo(p.pixels().getRGB(5, 5));
    }

    @Test
    void aProfileOfTheWrongColourSpaceIsNotWritten() {
        BufferedImage gray = TestImages.toType(TestImages.smooth(20, 20), BufferedImage.TYPE_BYTE_GRAY);
        Picture p = new Picture(gray, new ImageMetadata(TestImages.linearRgbProfile(), null, null, false), OutputSpec.of(ImageFormat.JPEG));
        assertThat(decode(encode(p), "g.jpg").metadata().icc()).isNull();
    }

    @Test
    void jpegFlattensTransparencyOnWhite() {
        BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB); // fully transparent
        Picture back = decode(encode(picture(img, OutputSpec.of(ImageFormat.JPEG).withQuality(100))), "t.jpg");
        assertThat(Pixels.near(back.pixels(), 5, 5, 0xffffff, 3)).isTrue();
    }

    @Test
    void unwritableFormatsAreRefusedNamingTheNativeBackend() {
        for (ImageFormat f : new ImageFormat[]{ImageFormat.WEBP, ImageFormat.AVIF, ImageFormat.HEIF}) {
            assertThatThrownBy(() -> encode(picture(TestImages.smooth(8, 8), OutputSpec.of(f))))
                    .isInstanceOfSatisfying(ImageException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ImageException.Kind.UNSUPPORTED_FORMAT);
                        assertThat(e.getMessage()).contains("native backend");
                    });
        }
    }

    @Test
    void icoOfANonSquareImageIsPaddedToASquareIcon() {
        Picture back = decode(encode(picture(TestImages.smooth(64, 32), OutputSpec.of(ImageFormat.ICO))), "i.ico");
        assertThat(back.width()).isEqualTo(64);
        assertThat(back.height()).isEqualTo(64);
        assertThat(back.pixels().getRGB(10, 2) >>> 24).as("padding is transparent").isZero();
        assertThat(back.pixels().getRGB(10, 32) >>> 24).isEqualTo(255);
    }

    @Test
    void icoLargerThan256IsRefusedByTheEncoder() {
        assertThatThrownBy(() -> encode(picture(TestImages.smooth(300, 20), OutputSpec.of(ImageFormat.ICO))))
                .isInstanceOfSatisfying(ImageException.class, e -> assertThat(e.getMessage()).contains("256"));
    }

    @Test
    void targetSizeFindsAQualityThatFits() {
        BufferedImage src = noise(300, 300);
        long full = encode(picture(src, OutputSpec.of(ImageFormat.JPEG).withQuality(95))).length;
        long target = full / 3;
        byte[] fitted = encode(picture(src, OutputSpec.of(ImageFormat.JPEG).withQuality(95).withTargetBytes(target)));
        assertThat((long) fitted.length).isLessThanOrEqualTo(target).isGreaterThan(target / 3);
    }

    @Test
    void encodeLeavesTheCallersStreamOpen() {
        boolean[] closed = {false};
        FilterOutputStream out = new FilterOutputStream(new ByteArrayOutputStream()) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        Picture p = new Picture(TestImages.smooth(10, 10), new ImageMetadata(null, ExifBuilder.exif().build(), null, false), OutputSpec.of(ImageFormat.JPEG));
        codec.encode(p, out);
        assertThat(closed[0]).isFalse();
    }

    static BufferedImage noise(int w, int h) {
        Random r = new Random(7);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, r.nextInt(0x1000000));
        return img;
    }

    private static int indexOf(byte[] b, byte x, byte y) {
        for (int i = 0; i + 1 < b.length; i++) if (b[i] == x && b[i + 1] == y) return i;
        return -1;
    }
}
