package dev.snapotter.engine.tools;

import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.codec.Picture;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Map;

import static dev.snapotter.engine.tools.ToolFixtures.argb;
import static dev.snapotter.engine.tools.ToolFixtures.coordinates;
import static dev.snapotter.engine.tools.ToolFixtures.filled;
import static dev.snapotter.engine.tools.ToolFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

class RotateToolTest {

    private final RotateTool tool = new RotateTool();
    private final BufferedImage src = coordinates(7, 4, BufferedImage.TYPE_3BYTE_BGR);

    @Test
    void ninetyClockwiseMovesEveryPixelExactly() {
        BufferedImage out = run(tool, src, Map.of("angle", 90)).pixels();
        assertThat(out.getWidth()).isEqualTo(4);
        assertThat(out.getHeight()).isEqualTo(7);
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 4; x++) assertThat(out.getRGB(x, y)).isEqualTo(src.getRGB(y, 3 - x));
        }
    }

    @Test
    void oneEightyAndMinusNinety() {
        BufferedImage half = run(tool, src, Map.of("angle", 180)).pixels();
        BufferedImage minus = run(tool, src, Map.of("angle", -90)).pixels();
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 7; x++) {
                assertThat(half.getRGB(x, y)).isEqualTo(src.getRGB(6 - x, 3 - y));
                assertThat(minus.getRGB(y, 6 - x)).isEqualTo(src.getRGB(x, y));
            }
        }
    }

    @Test
    void flipsMirror() {
        BufferedImage h = run(tool, src, Map.of("horizontal", true)).pixels();
        BufferedImage v = run(tool, src, Map.of("vertical", true)).pixels();
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 7; x++) {
                assertThat(h.getRGB(x, y)).isEqualTo(src.getRGB(6 - x, y));
                assertThat(v.getRGB(x, y)).isEqualTo(src.getRGB(x, 3 - y));
            }
        }
    }

    @Test
    void rotateThenFlipLikeSnapOtter() {
        BufferedImage out = run(tool, src, Map.of("angle", 90, "horizontal", true)).pixels();
        // rotating 90° then mirroring left-right is a transpose
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 4; x++) assertThat(out.getRGB(x, y)).isEqualTo(src.getRGB(y, x));
        }
    }

    @Test
    void quarterTurnsKeepSixteenBitSamples() {
        BufferedImage gray16 = new BufferedImage(5, 3, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 3; y++) for (int x = 0; x < 5; x++) gray16.getRaster().setSample(x, y, 0, 1000 * x + y);
        BufferedImage out = run(tool, gray16, Map.of("angle", 270)).pixels();
        assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 3; x++) assertThat(out.getRaster().getSample(x, y, 0)).isEqualTo(gray16.getRaster().getSample(4 - y, x, 0));
        }
    }

    @Test
    void freeAnglesGrowTheCanvasAndFillTheCorners() {
        BufferedImage white = filled(100, 50, BufferedImage.TYPE_3BYTE_BGR, 0xffffffff);
        BufferedImage out = run(tool, white, Map.of("angle", 45, "background", "#ff0000")).pixels();
        int side = (int) Math.ceil(150 / Math.sqrt(2));
        assertThat(out.getWidth()).isBetween(side - 1, side + 1);
        assertThat(out.getHeight()).isBetween(side - 1, side + 1);
        assertThat(out.getRGB(0, 0) & 0xffffff).isEqualTo(0xff0000);
        assertThat(out.getRGB(out.getWidth() / 2, out.getHeight() / 2) & 0xffffff).isEqualTo(0xffffff);
    }

    @Test
    void aTransparentBackgroundSwitchesJpegOutputToPng() {
        Picture out = run(tool, filled(40, 40, BufferedImage.TYPE_3BYTE_BGR, 0xff000000), Map.of("angle", 30, "background", "#00000000"));
        assertThat(out.pixels().getRGB(0, 0) >>> 24).isZero();
        assertThat(out.output().format()).isEqualTo(ImageFormat.PNG);
    }

    @Test
    void zeroIsANoOpAndTheInputStaysUntouched() {
        assertThat(run(tool, src, Map.of()).pixels()).isSameAs(src);
        int[] before = argb(src);
        run(tool, src, Map.of("angle", 33));
        run(tool, src, Map.of("angle", 90, "vertical", true));
        assertThat(argb(src)).isEqualTo(before);
    }
}
