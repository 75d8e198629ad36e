package dev.snapotter.engine.codec.vips;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.codec.ImageCodec;
import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.ImageMetadata;
import dev.snapotter.engine.codec.OutputSpec;
import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.codec.imageio.FormatSniffer;
import dev.snapotter.engine.codec.imageio.ImageIoCodec;
import dev.snapotter.engine.testing.Backends;
import dev.snapotter.engine.testing.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.snapotter.engine.resample.SyntheticImages.photo;
import static dev.snapotter.engine.resample.SyntheticImages.psnr;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PNG, TIFF and GIF written by libvips, read back by the Java backend (which has its own decoders for all three),
 * and WebP, TIFF and GIF read by libvips against the Java decoders. Lossless formats must match exactly.
 */
class VipsFormatsTest {

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
    void pngWrittenByLibvipsIsLosslessWithAlpha() throws Exception {
        BufferedImage src = TestImages.pattern(301, 187, true); // alpha fades to 0 on the left half
        Path file = encode(vips, src, OutputSpec.of(ImageFormat.PNG), "v.png");
        assertThat(FormatSniffer.sniff(file)).isEqualTo(ImageFormat.PNG);
        BufferedImage back = jcodec.decode(file, LIMITS).pixels();
        assertThat(back.getColorModel().hasAlpha()).isTrue();
        assertThat(differingPixels(back, src)).as("pixels differing after a libvips PNG round trip").isZero();
    }

    @Test
    void pngWrittenByLibvipsIsLosslessForOpaquePhotos() throws Exception {
        BufferedImage src = photo(420, 300, BufferedImage.TYPE_3BYTE_BGR, 21);
        BufferedImage back = jcodec.decode(encode(vips, src, OutputSpec.of(ImageFormat.PNG), "o.png"), LIMITS).pixels();
        assertThat(back.getColorModel().hasAlpha()).isFalse();
        assertThat(differingPixels(back, src)).isZero();
    }

    @Test
    void tiffWrittenByLibvipsIsLzwAndLossless() throws Exception {
        BufferedImage src = photo(333, 222, BufferedImage.TYPE_3BYTE_BGR, 13);
        Path file = encode(vips, src, OutputSpec.of(ImageFormat.TIFF), "v.tif");
        assertThat(FormatSniffer.sniff(file)).isEqualTo(ImageFormat.TIFF);
        assertThat(tiffCompression(Files.readAllBytes(file))).as("TIFF compression tag (5 = LZW, as SaveOptions asks)").isEqualTo(5);
        BufferedImage back = jcodec.decode(file, LIMITS).pixels();
        assertThat(back.getWidth()).isEqualTo(333);
        assertThat(differingPixels(back, src)).isZero();
    }

    @Test
    void gifWrittenByLibvipsKeepsAFewColourImageExactlyAndItsTransparency() throws Exception {
        BufferedImage src = new BufferedImage(160, 120, BufferedImage.TYPE_INT_ARGB);
        BufferedImage q = TestImages.quadrants(160, 120);
        for (int y = 0; y < 120; y++) {
            for (int x = 0; x < 160; x++) {
                boolean hole = x >= 60 && x < 100 && y >= 40 && y < 80;
                src.setRGB(x, y, hole ? 0 : 0xff000000 | q.getRGB(x, y));
            }
        }
        Path file = encode(vips, src, OutputSpec.of(ImageFormat.GIF), "v.gif");
        assertThat(FormatSniffer.sniff(file)).isEqualTo(ImageFormat.GIF);
        BufferedImage back = jcodec.decode(file, LIMITS).pixels();
        assertThat(back.getWidth()).isEqualTo(160);
        assertThat(back.getHeight()).isEqualTo(120);
        assertThat(back.getRGB(80, 60) >>> 24).as("alpha inside the transparent hole").isZero();
        assertThat(back.getRGB(10, 10)).isEqualTo(0xffff0000);
        assertThat(back.getRGB(150, 10)).isEqualTo(0xff00ff00);
        assertThat(back.getRGB(10, 110)).isEqualTo(0xff0000ff);
        assertThat(back.getRGB(150, 110)).isEqualTo(0xffffffff);
        assertThat(differingPixels(back, src)).as("four colours and a hole fit a palette; nothing may be dithered").isZero();
    }

    @Test
    void gifWrittenByLibvipsApproximatesAPhoto() throws Exception {
        BufferedImage src = photo(240, 180, BufferedImage.TYPE_3BYTE_BGR, 17);
        BufferedImage back = jcodec.decode(encode(vips, src, OutputSpec.of(ImageFormat.GIF), "p.gif"), LIMITS).pixels();
        assertThat(psnr(back, src)).as("256-colour quantisation of a photo").isGreaterThan(25);
    }

    @Test
    void decodesWebpLikeTheJavaBackend() throws Exception {
        BufferedImage src = photo(320, 240, BufferedImage.TYPE_3BYTE_BGR, 23);
        Path lossy = encode(vips, src, OutputSpec.of(ImageFormat.WEBP).withQuality(90), "p.webp");
        Picture v = vips.decode(lossy, LIMITS);
        Picture j = jcodec.decode(lossy, LIMITS);
        assertThat(v.width()).isEqualTo(j.width()).isEqualTo(320);
        assertThat(v.height()).isEqualTo(j.height()).isEqualTo(240);
        // same bitstream, two VP8 decoders (libwebp and TwelveMonkeys' Java one): they differ only in rounding/upsampling
        assertThat(psnr(v.pixels(), j.pixels())).isGreaterThan(32);

        // smooth colours under an alpha ramp: hard chroma edges would measure the decoders' chroma upsampling
        // (libwebp's "fancy" one vs TwelveMonkeys' plain one), not whether alpha and colour are decoded alike
        BufferedImage alpha = withAlphaRamp(TestImages.smooth(200, 100));
        Path withAlpha = encode(vips, alpha, OutputSpec.of(ImageFormat.WEBP).withQuality(90), "a.webp");
        Picture va = vips.decode(withAlpha, LIMITS);
        Picture ja = jcodec.decode(withAlpha, LIMITS);
        assertThat(va.pixels().getColorModel().hasAlpha()).isTrue();
        assertThat(ja.pixels().getColorModel().hasAlpha()).isTrue();
        assertThat(psnr(va.pixels(), ja.pixels())).isGreaterThan(32);
        assertThat(va.pixels().getRGB(5, 50) >>> 24).as("alpha near the transparent edge").isLessThan(16);
        assertThat(va.pixels().getRGB(195, 50) >>> 24).isEqualTo(255);
    }

    @Test
    void decodesTiffAndGifWrittenByJavaExactlyLikeTheJavaBackend() throws Exception {
        BufferedImage src = photo(280, 190, BufferedImage.TYPE_3BYTE_BGR, 29);
        for (ImageFormat f : new ImageFormat[]{ImageFormat.TIFF, ImageFormat.GIF}) {
            Path file = encode(jcodec, src, OutputSpec.of(f), "j." + f.extension());
            BufferedImage v = vips.decode(file, LIMITS).pixels();
            BufferedImage j = jcodec.decode(file, LIMITS).pixels();
            assertThat(differingPixels(v, j)).as("%s decoded by libvips vs Java", f).isZero();
        }
        Path png = TestImages.write(dir, "alpha.png", TestImages.png(TestImages.pattern(150, 90, true)));
        Path tifAlpha = encode(jcodec, jcodec.decode(png, LIMITS).pixels(), OutputSpec.of(ImageFormat.TIFF), "alpha.tif");
        Picture v = vips.decode(tifAlpha, LIMITS);
        assertThat(v.pixels().getColorModel().hasAlpha()).isTrue();
        assertThat(differingPixels(v.pixels(), jcodec.decode(tifAlpha, LIMITS).pixels())).isZero();
    }

    private static BufferedImage withAlphaRamp(BufferedImage rgb) {
        BufferedImage out = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < rgb.getHeight(); y++) {
            for (int x = 0; x < rgb.getWidth(); x++) {
                int a = Math.min(255, 255 * x / (rgb.getWidth() / 2));
                out.setRGB(x, y, a << 24 | rgb.getRGB(x, y) & 0xffffff);
            }
        }
        return out;
    }

    /** Pixels whose ARGB differs (alpha compared only when both have it). */
    static long differingPixels(BufferedImage a, BufferedImage b) {
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        assertThat(a.getHeight()).isEqualTo(b.getHeight());
        int mask = a.getColorModel().hasAlpha() && b.getColorModel().hasAlpha() ? 0xffffffff : 0x00ffffff;
        long n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y), q = b.getRGB(x, y);
                // fully transparent pixels carry no colour
                if (mask == 0xffffffff && (p >>> 24) == 0 && (q >>> 24) == 0) continue;
                if ((p & mask) != (q & mask)) n++;
            }
        }
        return n;
    }

    /** The Compression tag (259) of the first IFD of a little- or big-endian TIFF. */
    static int tiffCompression(byte[] tiff) {
        ByteBuffer b = ByteBuffer.wrap(tiff).order(tiff[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = b.getInt(4);
        int entries = b.getShort(ifd) & 0xffff;
        for (int i = 0; i < entries; i++) {
            int e = ifd + 2 + 12 * i;
            if ((b.getShort(e) & 0xffff) == 259) return b.getShort(e + 8) & 0xffff;
        }
        return 1;
    }

    private Path encode(ImageCodec codec, BufferedImage img, OutputSpec spec, String name) throws Exception {
        Path f = dir.resolve(name);
        try (var out = Files.newOutputStream(f)) {
            codec.encode(new Picture(img, ImageMetadata.NONE, spec), out);
        }
        return f;
    }
}
